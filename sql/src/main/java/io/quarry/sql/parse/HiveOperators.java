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

    private HiveOperators() {
    }
}
