package io.quarry.sql.format;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Hive's {@code ROW FORMAT DELIMITED FIELDS TERMINATED BY 'c'} (LazySimpleSerDe): fields split on
 * one character, default {@code \001}. Fields past the last column are ignored, missing ones are
 * NULL, and the field {@code \N} is NULL for every type. Columns outside the read mask are left
 * null without parsing their text.
 */
public final class DelimitedRowDeserializer implements RowDeserializer {
    /** Hive's default field separator, Ctrl-A. */
    public static final char DEFAULT_DELIMITER = '\u0001';

    private final List<Column> columns;
    private final ColumnType[] types;
    private final char delimiter;
    private final boolean[] read;

    public DelimitedRowDeserializer(List<Column> columns, char delimiter) {
        this(columns, delimiter, null);
    }

    /** Decodes only the columns whose entry in {@code read} is true (all when {@code read} is null). */
    public DelimitedRowDeserializer(List<Column> columns, char delimiter, boolean[] read) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.types = this.columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.delimiter = delimiter;
        this.read = ReadMask.of(read, types.length);
    }

    public char delimiter() {
        return delimiter;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] deserialize(CharSequence line, Object[] row) {
        int length = line.length();
        int start = 0;
        int column = 0;
        while (column < types.length && start <= length) {
            int end = start;
            while (end < length && line.charAt(end) != delimiter) {
                end++;
            }
            row[column] = !read[column] || isNullMarker(line, start, end) ? null : types[column].parse(line, start, end);
            column++;
            start = end + 1;
        }
        Arrays.fill(row, column, types.length, null);
        return row;
    }

    private static boolean isNullMarker(CharSequence line, int start, int end) {
        return end - start == 2 && line.charAt(start) == '\\' && line.charAt(start + 1) == 'N';
    }
}
