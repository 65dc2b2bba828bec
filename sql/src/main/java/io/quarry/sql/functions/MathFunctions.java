package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.NUMBER;
import static io.quarry.sql.functions.HiveValues.toDouble;
import static io.quarry.sql.functions.HiveValues.toInt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.calcite.sql.SqlFunctionCategory;

/** Hive's math functions: abs, round, floor, ceil, pow, sqrt, exp, ln, log, pmod, sign, ... */
final class MathFunctions {
    private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.NUMERIC;

    private MathFunctions() {
    }

    static List<HiveFunction> all() {
        return List.of(
                HiveFunction.polymorphic("ABS", CATEGORY, HiveReturnTypes.integralOrDouble(0),
                        HiveSignature.of(NUMBER), () -> MathFunctions::abs),
                HiveFunction.polymorphic("NEGATIVE", CATEGORY, HiveReturnTypes.integralOrDouble(0),
                        HiveSignature.of(NUMBER), () -> MathFunctions::negative),
                HiveFunction.polymorphic("POSITIVE", CATEGORY, HiveReturnTypes.integralOrDouble(0),
                        HiveSignature.of(NUMBER), () -> args -> args[0] instanceof String s ? toDouble(s) : args[0]),
                HiveFunction.polymorphic("ROUND", CATEGORY, HiveReturnTypes.integralOrDouble(0),
                        HiveSignature.withOptional(List.of(NUMBER), NUMBER), () -> MathFunctions::round),
                HiveFunction.of("FLOOR", CATEGORY, HiveReturnTypes.BIGINT, HiveSignature.of(NUMBER),
                        () -> args -> toBigint(args[0], Math::floor)),
                HiveFunction.of("CEIL", CATEGORY, HiveReturnTypes.BIGINT, HiveSignature.of(NUMBER),
                        () -> args -> toBigint(args[0], Math::ceil)),
                HiveFunction.of("CEILING", CATEGORY, HiveReturnTypes.BIGINT, HiveSignature.of(NUMBER),
                        () -> args -> toBigint(args[0], Math::ceil)),
                HiveFunction.of("POW", CATEGORY, HiveReturnTypes.DOUBLE, HiveSignature.of(NUMBER, NUMBER),
                        () -> MathFunctions::pow),
                HiveFunction.of("POWER", CATEGORY, HiveReturnTypes.DOUBLE, HiveSignature.of(NUMBER, NUMBER),
                        () -> MathFunctions::pow),
                unary("SQRT", x -> x < 0 ? Double.NaN : Math.sqrt(x)),
                unary("EXP", Math::exp),
                unary("LN", x -> x <= 0 ? Double.NaN : Math.log(x)),
                unary("LOG10", x -> x <= 0 ? Double.NaN : Math.log10(x)),
                unary("LOG2", x -> x <= 0 ? Double.NaN : Math.log(x) / Math.log(2)),
                unary("SIGN", Math::signum),
                unary("DEGREES", Math::toDegrees),
                unary("RADIANS", Math::toRadians),
                unary("SIN", Math::sin),
                unary("COS", Math::cos),
                unary("TAN", Math::tan),
                HiveFunction.of("LOG", CATEGORY, HiveReturnTypes.DOUBLE,
                        HiveSignature.withOptional(List.of(NUMBER), NUMBER), () -> MathFunctions::log),
                HiveFunction.polymorphic("PMOD", CATEGORY, HiveReturnTypes.commonFrom(0),
                        HiveSignature.of(NUMBER, NUMBER), () -> MathFunctions::pmod),
                HiveFunction.of("PI", CATEGORY, HiveReturnTypes.DOUBLE, HiveSignature.of(), () -> args -> Math.PI),
                HiveFunction.of("E", CATEGORY, HiveReturnTypes.DOUBLE, HiveSignature.of(), () -> args -> Math.E));
    }

    /** A DOUBLE function; NaN results (log of 0, sqrt of -1) are NULL, as in Hive. */
    private static HiveFunction unary(String name, DoubleUnaryOperator op) {
        return HiveFunction.of(name, CATEGORY, HiveReturnTypes.DOUBLE, HiveSignature.of(NUMBER), () -> args -> {
            Double x = toDouble(args[0]);
            if (x == null) {
                return null;
            }
            double result = op.applyAsDouble(x);
            return Double.isNaN(result) && !Double.isNaN(x) ? null : result;
        });
    }

    private static Object abs(Object[] args) {
        Object x = args[0];
        if (x instanceof Integer i) {
            return Math.abs(i);
        }
        if (x instanceof Long l) {
            return Math.abs(l);
        }
        Double d = toDouble(x);
        return d == null ? null : Math.abs(d);
    }

    private static Object negative(Object[] args) {
        Object x = args[0];
        if (x instanceof Integer i) {
            return -i;
        }
        if (x instanceof Long l) {
            return -l;
        }
        Double d = toDouble(x);
        return d == null ? null : -d;
    }

    /** round(x[, d]): half away from zero at d decimals (negative d rounds to tens, hundreds, ...). */
    private static Object round(Object[] args) {
        Object x = args[0];
        Integer digits = args.length > 1 ? toInt(args[1]) : Integer.valueOf(0);
        if (x == null || digits == null) {
            return null;
        }
        if (x instanceof Integer || x instanceof Long) {
            long value = ((Number) x).longValue();
            if (digits >= 0) {
                return x;
            }
            long rounded = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).longValue();
            return x instanceof Integer ? (Object) (int) rounded : (Object) rounded;
        }
        Double d = toDouble(x);
        if (d == null || d.isNaN() || d.isInfinite()) {
            return d;
        }
        return BigDecimal.valueOf(d).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static Object toBigint(Object x, DoubleUnaryOperator op) {
        if (x instanceof Integer || x instanceof Long) {
            return ((Number) x).longValue();
        }
        Double d = toDouble(x);
        return d == null || d.isNaN() || d.isInfinite() ? null : (long) op.applyAsDouble(d);
    }

    private static Object pow(Object[] args) {
        Double base = toDouble(args[0]);
        Double exponent = toDouble(args[1]);
        return base == null || exponent == null ? null : Math.pow(base, exponent);
    }

    /** log(x) is ln(x); log(base, x); NULL for non-positive operands or base 1. */
    private static Object log(Object[] args) {
        Double first = toDouble(args[0]);
        if (args.length == 1) {
            return first == null || first <= 0 ? null : Math.log(first);
        }
        Double x = toDouble(args[1]);
        if (first == null || x == null || first <= 0 || x <= 0 || first == 1.0) {
            return null;
        }
        return Math.log(x) / Math.log(first);
    }

    /** pmod(a, b): the non-negative remainder; NULL for b = 0. */
    private static Object pmod(Object[] args) {
        Object a = args[0];
        Object b = args[1];
        if (a == null || b == null) {
            return null;
        }
        if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long)) {
            long x = ((Number) a).longValue();
            long y = ((Number) b).longValue();
            if (y == 0) {
                return null;
            }
            long result = ((x % y) + y) % y;
            return a instanceof Integer && b instanceof Integer ? (Object) (int) result : (Object) result;
        }
        Double x = toDouble(a);
        Double y = toDouble(b);
        if (x == null || y == null || y == 0) {
            return null;
        }
        return ((x % y) + y) % y;
    }
}
