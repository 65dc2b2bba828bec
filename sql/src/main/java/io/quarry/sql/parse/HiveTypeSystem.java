package io.quarry.sql.parse;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** Hive's aggregate typing: {@code sum} of integers is BIGINT, of anything else DOUBLE; {@code avg} is DOUBLE. */
public final class HiveTypeSystem extends RelDataTypeSystemImpl {
    public static final HiveTypeSystem INSTANCE = new HiveTypeSystem();

    private HiveTypeSystem() {
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        SqlTypeName name = SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getScale() <= 0
                && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL ? SqlTypeName.BIGINT : SqlTypeName.DOUBLE;
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(name), argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
}
