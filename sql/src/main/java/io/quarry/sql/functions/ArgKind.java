package io.quarry.sql.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * What a Hive function accepts in one operand position. Hive converts primitives implicitly (a number
 * where a string is wanted, a string where a number or a date is wanted), so each kind accepts those too.
 */
enum ArgKind {
    /** A string, a number or a date; Hive converts it to its string form (not a BOOLEAN). */
    STRING("STRING"),
    /** A number, or a string that Hive converts to one. */
    NUMBER("NUMERIC"),
    /** A date, a timestamp, or a string in yyyy-MM-dd[ HH:mm:ss] form. */
    DATETIME("DATE|TIMESTAMP|STRING"),
    BOOLEAN("BOOLEAN"),
    /** An array of strings, or what STRING accepts. */
    STRING_OR_ARRAY("STRING|ARRAY<STRING>"),
    /** An array of any element type. */
    ARRAY("ARRAY"),
    ANY("ANY");

    private final String display;

    ArgKind(String display) {
        this.display = display;
    }

    String display() {
        return display;
    }

    boolean accepts(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.NULL || name == SqlTypeName.ANY || name == SqlTypeName.UNKNOWN || this == ANY) {
            return true;
        }
        boolean character = SqlTypeUtil.inCharFamily(type);
        boolean numeric = SqlTypeUtil.isNumeric(type);
        boolean datetime = name == SqlTypeName.DATE || name == SqlTypeName.TIMESTAMP;
        boolean bool = name == SqlTypeName.BOOLEAN;
        return switch (this) {
            case STRING -> character || numeric || datetime;
            case NUMBER -> character || numeric;
            case DATETIME -> character || datetime;
            case BOOLEAN -> bool;
            case STRING_OR_ARRAY -> character || numeric || datetime
                    || (name == SqlTypeName.ARRAY && type.getComponentType() != null
                        && SqlTypeUtil.inCharFamily(type.getComponentType()));
            case ARRAY -> name == SqlTypeName.ARRAY;
            case ANY -> true;
        };
    }
}
