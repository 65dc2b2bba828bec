package io.quarry.sql.runtime.step;

import java.util.Arrays;

/** The values of a row's grouping columns as a hash-map key; a probe instance is refilled for each row and copied on insert. */
final class GroupKey {
    private final Object[] values;
    private int hash;

    GroupKey(int width) {
        this.values = new Object[width];
    }

    private GroupKey(Object[] values, int hash) {
        this.values = values;
        this.hash = hash;
    }

    GroupKey fill(Object[] row, int[] columns) {
        int h = 1;
        for (int i = 0; i < columns.length; i++) {
            Object v = row[columns[i]];
            values[i] = v;
            h = 31 * h + (v == null ? 0 : v.hashCode());
        }
        hash = h;
        return this;
    }

    GroupKey copy() {
        return new GroupKey(values.clone(), hash);
    }

    Object[] values() {
        return values;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupKey key && key.hash == hash && Arrays.equals(key.values, values);
    }
}
