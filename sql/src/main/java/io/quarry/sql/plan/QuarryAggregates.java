package io.quarry.sql.plan;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;

/** Hive aggregates Calcite lacks: {@code percentile(x, p)}, exact, DOUBLE, linear interpolation between ranks. */
public final class QuarryAggregates {
    public static final SqlBasicAggFunction PERCENTILE = SqlBasicAggFunction.create("PERCENTILE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.DOUBLE.andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
            OperandTypes.NUMERIC_NUMERIC);

    private QuarryAggregates() {
    }

    static org.apache.calcite.sql.SqlOperatorTable table() {
        return SqlOperatorTables.of(PERCENTILE);
    }
}
