package io.quarry.cli.sql;

import java.util.Locale;
import java.util.Optional;

/** How {@code quarry sql} prints rows: a boxed table, tab-separated or comma-separated values. */
enum OutputFormat {
    TABLE, TSV, CSV;

    static Optional<OutputFormat> fromName(String name) {
        for (OutputFormat format : values()) {
            if (format.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
