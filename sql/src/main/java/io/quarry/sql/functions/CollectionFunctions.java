package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.ANY;
import static io.quarry.sql.functions.ArgKind.ARRAY;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;

/** Hive's array functions: size, array_contains, sort_array. */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static List<HiveFunction> all() {
        SqlFunctionCategory category = SqlFunctionCategory.SYSTEM;
        return List.of(
                HiveFunction.of("SIZE", category, HiveReturnTypes.INT, HiveSignature.of(ARRAY),
                        () -> args -> args[0] instanceof List<?> list ? list.size() : -1),
                HiveFunction.of("ARRAY_CONTAINS", category, HiveReturnTypes.BOOLEAN, HiveSignature.of(ARRAY, ANY),
                        () -> CollectionFunctions::arrayContains),
                HiveFunction.of("SORT_ARRAY", category, HiveReturnTypes.sameAs(0), HiveSignature.of(ARRAY),
                        () -> CollectionFunctions::sortArray));
    }

    /** NULL for a NULL array or value; else whether an element equals the value (as Hive compares them). */
    private static Object arrayContains(Object[] args) {
        if (!(args[0] instanceof List<?> list) || args[1] == null) {
            return null;
        }
        for (Object element : list) {
            if (element != null && ConditionalFunctions.compare(element, args[1]) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Ascending, NULLs first. */
    private static Object sortArray(Object[] args) {
        if (!(args[0] instanceof List<?> list)) {
            return null;
        }
        List<Object> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : ConditionalFunctions.compare(a, b));
        return sorted;
    }
}
