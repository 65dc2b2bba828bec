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
        return deserializer(format, columns, null);
    }

    /**
     * As {@link #deserializer(TableFormat, List)}, decoding only the columns whose entry in
     * {@code read} is true (all when null); the others are null in every row. JSON rows decode
     * every column.
     */
    public static RowDeserializer deserializer(TableFormat format, List<Column> columns, boolean[] read) {
        return switch (format.kind()) {
            case DELIMITED -> new DelimitedRowDeserializer(columns, format.fieldDelimiter(), read);
            case REGEX -> new RegexRowDeserializer(columns, format.properties().get(TableFormat.INPUT_REGEX), read);
            case JSON -> new JsonRowDeserializer(columns);
        };
    }
}
