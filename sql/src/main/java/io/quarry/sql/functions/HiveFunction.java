package io.quarry.sql.functions;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A Hive function: its Calcite declaration (name, operand checks, return type) and a factory of runtime
 * instances. {@code polymorphic} functions return a value whose type follows their operands' (IF, NVL,
 * GREATEST, ...): their results must be coerced to the call's declared type.
 */
record HiveFunction(SqlOperator declaration, Supplier<ScalarFunction> factory, boolean polymorphic) {
    HiveFunction {
        requireNonNull(declaration, "declaration is null");
        requireNonNull(factory, "factory is null");
    }

    String name() {
        return declaration.getName();
    }

    /** A function whose result type does not depend on its operands' types. */
    static HiveFunction of(String name, SqlFunctionCategory category, SqlReturnTypeInference returns,
            HiveSignature signature, Supplier<ScalarFunction> factory) {
        return new HiveFunction(declare(name, category, returns, signature), factory, false);
    }

    /** A function whose result type follows its operands' (the runtime value is coerced to it). */
    static HiveFunction polymorphic(String name, SqlFunctionCategory category, SqlReturnTypeInference returns,
            HiveSignature signature, Supplier<ScalarFunction> factory) {
        return new HiveFunction(declare(name, category, returns, signature), factory, true);
    }

    private static SqlFunction declare(String name, SqlFunctionCategory category, SqlReturnTypeInference returns,
            HiveSignature signature) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returns, null, signature, category);
    }
}
