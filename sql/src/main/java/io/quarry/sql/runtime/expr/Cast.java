package io.quarry.sql.runtime.expr;

import io.quarry.sql.runtime.Kind;

/** {@code CAST(x AS kind)} with Hive's rules: a value that does not convert is NULL. */
public final class Cast extends Expr {
    private static final long serialVersionUID = 1L;
    private final Expr arg;

    public Cast(Expr arg, Kind kind) {
        super(kind);
        this.arg = arg;
    }

    @Override
    public Object eval(Object[] row) {
        return Values.cast(arg.eval(row), kind());
    }

    @Override
    public String toString() {
        return "CAST(" + arg + " AS " + kind() + ")";
    }
}
