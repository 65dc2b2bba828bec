package io.quarry.sql.runtime.step;

import java.util.ArrayList;
import java.util.List;

/** Hash-table keys of join columns: numbers normalised (INT 5 equals BIGINT 5), null when any column is NULL. */
final class JoinKeys {
    private JoinKeys() {
    }

    static Object of(Object[] row, int[] columns) {
        if (columns.length == 1) {
            return normalize(row[columns[0]]);
        }
        List<Object> key = new ArrayList<>(columns.length);
        for (int column : columns) {
            Object value = normalize(row[column]);
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return key;
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer i) {
            return (long) i;
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
            return (long) (double) d;
        }
        return value;
    }
}
