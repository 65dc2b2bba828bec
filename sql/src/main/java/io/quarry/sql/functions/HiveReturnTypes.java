package io.quarry.sql.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** Return types of Hive functions. Every Hive function may return NULL, so every type is nullable. */
final class HiveReturnTypes {
    private HiveReturnTypes() {
    }

    static SqlReturnTypeInference fixed(SqlTypeName type) {
        return binding -> nullable(binding.getTypeFactory(), binding.getTypeFactory().createSqlType(type));
    }

    static final SqlReturnTypeInference STRING = fixed(SqlTypeName.VARCHAR);
    static final SqlReturnTypeInference INT = fixed(SqlTypeName.INTEGER);
    static final SqlReturnTypeInference BIGINT = fixed(SqlTypeName.BIGINT);
    static final SqlReturnTypeInference DOUBLE = fixed(SqlTypeName.DOUBLE);
    static final SqlReturnTypeInference BOOLEAN = fixed(SqlTypeName.BOOLEAN);
    static final SqlReturnTypeInference DATE = fixed(SqlTypeName.DATE);
    static final SqlReturnTypeInference TIMESTAMP = fixed(SqlTypeName.TIMESTAMP);

    /** ARRAY&lt;STRING&gt;. */
    static final SqlReturnTypeInference STRING_ARRAY = binding -> {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType element = nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR));
        return nullable(factory, factory.createArrayType(element, -1));
    };

    /** The operand's type for INT and BIGINT; DOUBLE for everything else (Hive's abs, round, negative). */
    static SqlReturnTypeInference integralOrDouble(int operand) {
        return binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            SqlTypeName name = binding.getOperandType(operand).getSqlTypeName();
            SqlTypeName result = switch (name) {
                case TINYINT, SMALLINT, INTEGER -> SqlTypeName.INTEGER;
                case BIGINT -> SqlTypeName.BIGINT;
                default -> SqlTypeName.DOUBLE;
            };
            return nullable(factory, factory.createSqlType(result));
        };
    }

    /**
     * The least restrictive type of the operands from {@code first} on (NULL literals ignored), as Hive's
     * IF, NVL, COALESCE, GREATEST; STRING when they have none in common.
     */
    static SqlReturnTypeInference commonFrom(int first) {
        return binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            List<RelDataType> types = new ArrayList<>();
            for (int i = first; i < binding.getOperandCount(); i++) {
                RelDataType type = binding.getOperandType(i);
                if (type.getSqlTypeName() != SqlTypeName.NULL) {
                    types.add(type);
                }
            }
            if (types.isEmpty()) {
                return nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR));
            }
            RelDataType common = factory.leastRestrictive(types);
            if (common == null) {
                return nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR));
            }
            return hiveType(factory, common);
        };
    }

    /** The type of operand {@code operand} (character types as STRING, DECIMAL as DOUBLE). */
    static SqlReturnTypeInference sameAs(int operand) {
        return binding -> hiveType(binding.getTypeFactory(), binding.getOperandType(operand));
    }

    /** Character types become STRING (VARCHAR), DECIMAL becomes DOUBLE, NULL becomes STRING; nullable. */
    private static RelDataType hiveType(RelDataTypeFactory factory, RelDataType type) {
        if (SqlTypeUtil.inCharFamily(type) || type.getSqlTypeName() == SqlTypeName.NULL) {
            return nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR));
        }
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return nullable(factory, factory.createSqlType(SqlTypeName.DOUBLE));
        }
        return nullable(factory, type);
    }

    private static RelDataType nullable(RelDataTypeFactory factory, RelDataType type) {
        return factory.createTypeWithNullability(type, true);
    }
}
