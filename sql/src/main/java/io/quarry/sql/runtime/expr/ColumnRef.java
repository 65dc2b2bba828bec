package io.quarry.sql.runtime.expr;

import io.quarry.sql.runtime.Kind;

/** The value of one column of the row. */
public final class ColumnRef extends Expr {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final String name;

    public ColumnRef(int index, Kind kind, String name) {
        super(kind);
        this.index = index;
        this.name = name;
    }

    public int index() {
        return index;
    }

    @Override
    public Object eval(Object[] row) {
        return row[index];
    }

    @Override
    public String toString() {
        return name != null ? name : "$" + index;
    }
}
