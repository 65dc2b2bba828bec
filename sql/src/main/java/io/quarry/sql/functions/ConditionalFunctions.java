package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.ANY;
import static io.quarry.sql.functions.ArgKind.BOOLEAN;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;

/** Hive's conditional functions: if, nvl, coalesce, nullif, greatest, least, isnull, isnotnull. */
final class ConditionalFunctions {
    private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.SYSTEM;

    private ConditionalFunctions() {
    }

    static List<HiveFunction> all() {
        return List.of(
                HiveFunction.polymorphic("IF", CATEGORY, HiveReturnTypes.commonFrom(1),
                        HiveSignature.of(BOOLEAN, ANY, ANY),
                        () -> args -> Boolean.TRUE.equals(args[0]) ? args[1] : args[2]),
                HiveFunction.polymorphic("NVL", CATEGORY, HiveReturnTypes.commonFrom(0),
                        HiveSignature.of(ANY, ANY), () -> args -> args[0] != null ? args[0] : args[1]),
                HiveFunction.polymorphic("COALESCE", CATEGORY, HiveReturnTypes.commonFrom(0),
                        HiveSignature.variadic(List.of(), ANY, 1), () -> ConditionalFunctions::coalesce),
                HiveFunction.polymorphic("NULLIF", CATEGORY, HiveReturnTypes.sameAs(0),
                        HiveSignature.of(ANY, ANY),
                        () -> args -> args[0] != null && args[1] != null && compare(args[0], args[1]) == 0
                                ? null : args[0]),
                HiveFunction.polymorphic("GREATEST", CATEGORY, HiveReturnTypes.commonFrom(0),
                        HiveSignature.variadic(List.of(ANY), ANY, 1), () -> args -> extreme(args, 1)),
                HiveFunction.polymorphic("LEAST", CATEGORY, HiveReturnTypes.commonFrom(0),
                        HiveSignature.variadic(List.of(ANY), ANY, 1), () -> args -> extreme(args, -1)),
                HiveFunction.of("ISNULL", CATEGORY, HiveReturnTypes.BOOLEAN, HiveSignature.of(ANY),
                        () -> args -> args[0] == null),
                HiveFunction.of("ISNOTNULL", CATEGORY, HiveReturnTypes.BOOLEAN, HiveSignature.of(ANY),
                        () -> args -> args[0] != null));
    }

    private static Object coalesce(Object[] args) {
        for (Object arg : args) {
            if (arg != null) {
                return arg;
            }
        }
        return null;
    }

    /** greatest/least: NULL if any argument is NULL (Hive 2 and later). */
    private static Object extreme(Object[] args, int sign) {
        Object best = null;
        for (Object arg : args) {
            if (arg == null) {
                return null;
            }
            if (best == null || sign * compare(arg, best) > 0) {
                best = arg;
            }
        }
        return best;
    }

    /**
     * Orders two non-null values as Hive compares them: numbers numerically (a string beside a number is read
     * as a DOUBLE), strings by their characters, dates and timestamps in time, false before true.
     */
    static int compare(Object a, Object b) {
        if (a instanceof Number || b instanceof Number) {
            if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long)) {
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            }
            Double x = HiveValues.toDouble(a);
            Double y = HiveValues.toDouble(b);
            if (x == null || y == null) {
                return HiveValues.toStr(a).compareTo(HiveValues.toStr(b));
            }
            return Double.compare(x, y);
        }
        if (a instanceof LocalDate || a instanceof LocalDateTime || b instanceof LocalDate || b instanceof LocalDateTime) {
            LocalDateTime x = DateFunctions.timestampOf(a);
            LocalDateTime y = DateFunctions.timestampOf(b);
            if (x != null && y != null) {
                return x.compareTo(y);
            }
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return HiveValues.toStr(a).compareTo(HiveValues.toStr(b));
    }
}
