package io.quarry.sql.runtime.expr;

import io.quarry.sql.runtime.Kind;

/** A constant. */
public final class Literal extends Expr {
    private static final long serialVersionUID = 1L;
    private final Object value;

    public Literal(Object value, Kind kind) {
        super(kind);
        this.value = value;
    }

    public Object value() {
        return value;
    }

    @Override
    public Object eval(Object[] row) {
        return value;
    }

    @Override
    public String toString() {
        if (value == null) {
            return "NULL";
        }
        return value instanceof String s ? "'" + s.replace("'", "\\'") + "'" : value.toString();
    }
}
