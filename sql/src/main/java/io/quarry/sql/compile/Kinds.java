package io.quarry.sql.compile;

import org.apache.calcite.rel.type.RelDataType;

import io.quarry.sql.runtime.Kind;
import io.quarry.sql.session.SqlException;

/** Calcite types as run-time kinds. */
final class Kinds {
    private Kinds() {
    }

    static Kind of(RelDataType type) throws SqlException {
        return switch (type.getSqlTypeName()) {
            case CHAR, VARCHAR -> Kind.STRING;
            case INTEGER, SMALLINT, TINYINT -> Kind.INT;
            case BIGINT -> Kind.BIGINT;
            case DOUBLE, FLOAT, REAL, DECIMAL -> Kind.DOUBLE;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Kind.TIMESTAMP;
            case NULL -> Kind.NULL;
            default -> throw new SqlException("Type " + type.getFullTypeString() + " is not supported");
        };
    }

    static Kind[] of(java.util.List<org.apache.calcite.rel.type.RelDataTypeField> fields) throws SqlException {
        Kind[] kinds = new Kind[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = of(fields.get(i).getType());
        }
        return kinds;
    }
}
