package io.quarry.sql.runtime.expr;

import io.quarry.sql.runtime.Kind;

/** {@code = <> < <= > >=}: NULL when either side is NULL. */
public final class Comparison extends Expr {
    private static final long serialVersionUID = 1L;

    public enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private final Op op;
    private final Expr left;
    private final Expr right;

    public Comparison(Op op, Expr left, Expr right) {
        super(Kind.BOOLEAN);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object eval(Object[] row) {
        Object a = left.eval(row);
        if (a == null) {
            return null;
        }
        Object b = right.eval(row);
        if (b == null) {
            return null;
        }
        return switch (op) {
            case EQ -> Values.equal(a, b);
            case NE -> !Values.equal(a, b);
            case LT -> Values.compare(a, b) < 0;
            case LE -> Values.compare(a, b) <= 0;
            case GT -> Values.compare(a, b) > 0;
            case GE -> Values.compare(a, b) >= 0;
        };
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol + " " + right + ")";
    }
}
