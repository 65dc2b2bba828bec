package io.quarry.sql.runtime.expr;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.quarry.sql.runtime.Kind;

/** AND, OR and NOT with SQL's three-valued logic, and the IS [NOT] NULL / TRUE / FALSE tests. */
public final class Logical {
    private Logical() {
    }

    public static final class And extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr[] args;

        public And(Expr... args) {
            super(Kind.BOOLEAN);
            this.args = args;
        }

        @Override
        public Object eval(Object[] row) {
            boolean sawNull = false;
            for (Expr arg : args) {
                Object v = arg.eval(row);
                if (v == null) {
                    sawNull = true;
                } else if (v == Boolean.FALSE || !((Boolean) v)) {
                    return Boolean.FALSE;
                }
            }
            return sawNull ? null : Boolean.TRUE;
        }

        @Override
        public String toString() {
            return Arrays.stream(args).map(Expr::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    public static final class Or extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr[] args;

        public Or(Expr... args) {
            super(Kind.BOOLEAN);
            this.args = args;
        }

        @Override
        public Object eval(Object[] row) {
            boolean sawNull = false;
            for (Expr arg : args) {
                Object v = arg.eval(row);
                if (v == null) {
                    sawNull = true;
                } else if ((Boolean) v) {
                    return Boolean.TRUE;
                }
            }
            return sawNull ? null : Boolean.FALSE;
        }

        @Override
        public String toString() {
            return Arrays.stream(args).map(Expr::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    public static final class Not extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr arg;

        public Not(Expr arg) {
            super(Kind.BOOLEAN);
            this.arg = arg;
        }

        @Override
        public Object eval(Object[] row) {
            Object v = arg.eval(row);
            return v == null ? null : !((Boolean) v);
        }

        @Override
        public String toString() {
            return "NOT " + arg;
        }
    }

    /** IS NULL, IS NOT NULL, IS TRUE, IS NOT TRUE, IS FALSE, IS NOT FALSE: never NULL. */
    public static final class Test extends Expr {
        private static final long serialVersionUID = 1L;

        public enum What {
            NULL("IS NULL"), NOT_NULL("IS NOT NULL"), TRUE("IS TRUE"), NOT_TRUE("IS NOT TRUE"), FALSE("IS FALSE"),
            NOT_FALSE("IS NOT FALSE");

            private final String text;

            What(String text) {
                this.text = text;
            }
        }

        private final What what;
        private final Expr arg;

        public Test(What what, Expr arg) {
            super(Kind.BOOLEAN);
            this.what = what;
            this.arg = arg;
        }

        @Override
        public Object eval(Object[] row) {
            Object v = arg.eval(row);
            return switch (what) {
                case NULL -> v == null;
                case NOT_NULL -> v != null;
                case TRUE -> v == Boolean.TRUE;
                case NOT_TRUE -> v != Boolean.TRUE;
                case FALSE -> v == Boolean.FALSE;
                case NOT_FALSE -> v != Boolean.FALSE;
            };
        }

        @Override
        public String toString() {
            return "(" + arg + " " + what.text + ")";
        }
    }
}
