package io.quarry.sql.parse;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** Operators whose Hive meaning differs from Calcite's standard ones. */
public final class HiveOperators {
    /** Hive's {@code /}: always DOUBLE, also for two integers (kind OTHER, so no Calcite rule retypes it). */
    public static final SqlBinaryOperator DIVIDE = new SqlBinaryOperator("/", SqlKind.OTHER, 60, true,
            ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.TO_NULLABLE), InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    /**
     * Hive's {@code a DIV b}: both operands as BIGINT (truncated), the quotient truncated towards
     * zero, NULL when {@code b} is 0 (kind OTHER, so no Calcite rule folds it with its own meaning).
     */
    public static final SqlBinaryOperator INT_DIVIDE = new SqlBinaryOperator("DIV", SqlKind.OTHER, 60, true,
            ReturnTypes.BIGINT.andThen(SqlTypeTransforms.TO_NULLABLE), InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    private HiveOperators() {
    }
}
