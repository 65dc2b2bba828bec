package io.quarry.sql.format;

import java.util.List;

/** Makes the deserializer a table format names. */
public final class RowFormats {
    private RowFormats() {
    }

    /**
     * A new deserializer for {@code format} over {@code columns}; one per thread.
     *
     * @throws IllegalArgumentException if the format's properties do not fit the columns (a regex
     *         that does not compile or has the wrong number of groups)
     */
    public static RowDeserializer deserializer(TableFormat format, List<Column> columns) {
        return switch (format.kind()) {
            case DELIMITED -> new DelimitedRowDeserializer(columns, format.fieldDelimiter());
            case REGEX -> new RegexRowDeserializer(columns, format.properties().get(TableFormat.INPUT_REGEX));
            case JSON -> new JsonRowDeserializer(columns);
        };
    }
}
