package io.quarry.sql.runtime.expr;

import io.quarry.sql.runtime.Kind;

/** {@code a || b}: NULL when either is NULL. */
public final class Concat extends Expr {
    private static final long serialVersionUID = 1L;
    private final Expr left;
    private final Expr right;

    public Concat(Expr left, Expr right) {
        super(Kind.STRING);
        this.left = left;
        this.right = right;
    }

    @Override
    public Object eval(Object[] row) {
        Object a = left.eval(row);
        Object b = a == null ? null : right.eval(row);
        return b == null ? null : Values.toText(a) + Values.toText(b);
    }

    @Override
    public String toString() {
        return "(" + left + " || " + right + ")";
    }
}
