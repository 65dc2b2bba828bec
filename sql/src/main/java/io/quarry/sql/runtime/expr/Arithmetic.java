package io.quarry.sql.runtime.expr;

import io.quarry.sql.runtime.Kind;

/**
 * {@code + - * / %} computed in the result's kind (INT, BIGINT or DOUBLE); NULL in, NULL out.
 * Division is always in DOUBLE (Hive's {@code /}); division or modulo by zero is NULL, as in Hive.
 */
public final class Arithmetic extends Expr {
    private static final long serialVersionUID = 1L;

    public enum Op {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), MOD("%"), INT_DIVIDE("DIV");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private final Op op;
    private final Expr left;
    private final Expr right;

    public Arithmetic(Op op, Expr left, Expr right, Kind kind) {
        super(kind);
        if (!kind.isNumeric()) {
            throw new IllegalArgumentException("Arithmetic " + op.symbol + " yields " + kind + ", not a number");
        }
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
        Number x = (Number) a;
        Number y = (Number) b;
        if (op == Op.DIVIDE) {
            double d = y.doubleValue();
            return d == 0 ? null : x.doubleValue() / d;
        }
        switch (kind()) {
            case INT: {
                int p = x.intValue();
                int q = y.intValue();
                return switch (op) {
                    case PLUS -> p + q;
                    case MINUS -> p - q;
                    case TIMES -> p * q;
                    case MOD -> q == 0 ? null : p % q;
                    default -> q == 0 ? null : p / q;
                };
            }
            case BIGINT: {
                long p = x.longValue();
                long q = y.longValue();
                return switch (op) {
                    case PLUS -> p + q;
                    case MINUS -> p - q;
                    case TIMES -> p * q;
                    case MOD -> q == 0 ? null : p % q;
                    default -> q == 0 ? null : p / q;
                };
            }
            default: {
                double p = x.doubleValue();
                double q = y.doubleValue();
                return switch (op) {
                    case PLUS -> p + q;
                    case MINUS -> p - q;
                    case TIMES -> p * q;
                    case MOD -> q == 0 ? null : p % q;
                    default -> q == 0 ? null : (double) (long) (p / q);
                };
            }
        }
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol + " " + right + ")";
    }

    /** Unary minus. */
    public static final class Negate extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr arg;

        public Negate(Expr arg, Kind kind) {
            super(kind);
            this.arg = arg;
        }

        @Override
        public Object eval(Object[] row) {
            Object v = arg.eval(row);
            if (v == null) {
                return null;
            }
            return switch (kind()) {
                case INT -> -((Number) v).intValue();
                case BIGINT -> -((Number) v).longValue();
                default -> -((Number) v).doubleValue();
            };
        }

        @Override
        public String toString() {
            return "-" + arg;
        }
    }
}
