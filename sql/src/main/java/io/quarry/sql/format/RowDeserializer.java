package io.quarry.sql.format;

import java.util.List;

/**
 * Turns one line of a table's file into a row of typed values (see {@link ColumnType}).
 * Instances keep per-line scratch state (a regex matcher, for one) and are not thread-safe:
 * each task or thread makes its own from {@link RowFormats#deserializer}.
 */
public interface RowDeserializer {
    /** The columns this deserializer fills, in row order. */
    List<Column> columns();

    /**
     * Fills {@code row} (length at least {@code columns().size()}) from {@code line} and returns it,
     * so a reader can reuse one array for every line. Fields that are missing or do not parse
     * as their column's type are null; no line makes this throw.
     */
    Object[] deserialize(CharSequence line, Object[] row);

    /** A fresh row for {@code line}. */
    default Object[] deserialize(CharSequence line) {
        return deserialize(line, new Object[columns().size()]);
    }
}
