package io.quarry.sql.format;

import static java.util.Objects.requireNonNull;

/** A named, typed column of a table. Names keep the case they were declared in. */
public record Column(String name, ColumnType type) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Column name is blank");
        }
    }
}
