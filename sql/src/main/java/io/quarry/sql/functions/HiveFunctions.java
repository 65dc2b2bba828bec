package io.quarry.sql.functions;

import io.quarry.sql.format.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Hive's scalar function library: Calcite declarations for validation (Hive return types, operand checks)
 * and runtime instances with Hive's semantics (NULL in, NULL out; NULL for input Hive cannot read).
 *
 * <p>Chain {@link #operatorTable()} BEFORE Calcite's standard table: several names (UPPER, YEAR, HOUR,
 * ROUND, ...) exist there with non-Hive typing, and the first declaration found wins. Calls that Calcite's
 * grammar builds itself (FLOOR, CEIL, TRIM) become Hive's with {@link HiveCallRewriter} before validation.
 */
public final class HiveFunctions {
    private static final Map<String, HiveFunction> FUNCTIONS = index(List.of(
            StringFunctions.all(), RegexFunctions.all(), UrlFunctions.all(), DateFunctions.all(),
            MathFunctions.all(), ConditionalFunctions.all(), CollectionFunctions.all(), MiscFunctions.all()));
    /**
     * Declared but evaluated by the entries of the same name: the parser builds {@code s RLIKE re} with
     * Calcite's RLIKE operator, which the validator must find in a table.
     */
    private static final List<SqlOperator> INFIX = List.of(SqlLibraryOperators.RLIKE);
    private static final SqlOperatorTable TABLE = SqlOperatorTables.of(declarations());

    private HiveFunctions() {
    }

    /** Declarations of every function, for Calcite's validator. */
    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    /** A fresh runtime instance of the function (name in upper case), if Quarry has it. */
    public static Optional<ScalarFunction> instantiate(String upperCaseName) {
        HiveFunction function = FUNCTIONS.get(upperCaseName.toUpperCase(Locale.ROOT));
        return function == null ? Optional.empty() : Optional.of(function.factory().get());
    }

    /**
     * A fresh runtime instance whose results are converted to {@code resultType} (the call's validated type).
     * Needed for functions whose type follows their operands (IF(c, 1, 2.5) is DOUBLE even when it yields
     * the INT operand); a no-op wrapper is not added for the others.
     */
    public static Optional<ScalarFunction> instantiate(String upperCaseName, ColumnType resultType) {
        HiveFunction function = FUNCTIONS.get(upperCaseName.toUpperCase(Locale.ROOT));
        if (function == null) {
            return Optional.empty();
        }
        ScalarFunction instance = function.factory().get();
        if (!function.polymorphic()) {
            return Optional.of(instance);
        }
        return Optional.of(args -> HiveValues.coerce(instance.apply(args), resultType));
    }

    /**
     * The declaration of one function, for an engine that replaces a standard operator the parser builds
     * directly (FLOOR, CEIL, TRIM, SUBSTRING have their own syntax in Calcite's grammar) by Hive's.
     */
    public static Optional<SqlFunction> declaration(String upperCaseName) {
        HiveFunction function = FUNCTIONS.get(upperCaseName.toUpperCase(Locale.ROOT));
        return function != null && function.declaration() instanceof SqlFunction f ? Optional.of(f) : Optional.empty();
    }

    /** Every function name, upper case. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FUNCTIONS.keySet());
    }

    private static List<SqlOperator> declarations() {
        List<SqlOperator> all = new ArrayList<>(INFIX);
        FUNCTIONS.values().forEach(f -> all.add(f.declaration()));
        return all;
    }

    private static Map<String, HiveFunction> index(List<List<HiveFunction>> groups) {
        Map<String, HiveFunction> byName = new LinkedHashMap<>();
        for (List<HiveFunction> group : groups) {
            for (HiveFunction function : group) {
                if (byName.put(function.name(), function) != null) {
                    throw new IllegalStateException("Hive function declared twice: " + function.name());
                }
            }
        }
        return byName;
    }
}
