package io.quarry.sql.runtime.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

import io.quarry.sql.format.ColumnType;
import io.quarry.sql.runtime.Kind;

/** Comparison and conversion of run-time values with Hive's rules. */
public final class Values {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd().toFormatter();

    private Values() {
    }

    /** Orders two non-null values: numbers numerically whatever their class, others by their natural order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            if (a instanceof Double || b instanceof Double) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof String s && !(b instanceof String)) {
            return compare(cast(s, Kind.of(b)) == null ? s : cast(s, Kind.of(b)), b);
        }
        if (b instanceof String s && !(a instanceof String)) {
            Object c = cast(s, Kind.of(a));
            return c == null ? a.toString().compareTo(s) : compare(a, c);
        }
        return ((Comparable) a).compareTo(b);
    }

    public static boolean equal(Object a, Object b) {
        if (a.getClass() == b.getClass()) {
            return a.equals(b);
        }
        return compare(a, b) == 0;
    }

    /** Hive's CAST: a value that does not convert is NULL. */
    public static Object cast(Object value, Kind to) {
        if (value == null) {
            return null;
        }
        return switch (to) {
            case STRING -> toText(value);
            case INT -> value instanceof Number n ? Integer.valueOf(n.intValue())
                    : value instanceof Boolean b ? Integer.valueOf(b ? 1 : 0)
                    : value instanceof String s ? ColumnType.INT.parse(s.trim()) : null;
            case BIGINT -> value instanceof Number n ? Long.valueOf(n.longValue())
                    : value instanceof Boolean b ? Long.valueOf(b ? 1 : 0)
                    : value instanceof String s ? ColumnType.BIGINT.parse(s.trim())
                    : value instanceof LocalDateTime t ? t.toEpochSecond(java.time.ZoneOffset.UTC) : null;
            case DOUBLE -> value instanceof Number n ? Double.valueOf(n.doubleValue())
                    : value instanceof Boolean b ? Double.valueOf(b ? 1 : 0)
                    : value instanceof String s ? ColumnType.DOUBLE.parse(s.trim()) : null;
            case BOOLEAN -> value instanceof Boolean ? value
                    : value instanceof Number n ? Boolean.valueOf(n.doubleValue() != 0)
                    : value instanceof String s ? (s.isEmpty() ? Boolean.FALSE : ColumnType.BOOLEAN.parse(s)) : null;
            case DATE -> value instanceof LocalDate ? value
                    : value instanceof LocalDateTime t ? t.toLocalDate()
                    : value instanceof String s ? ColumnType.DATE.parse(s.trim()) : null;
            case TIMESTAMP -> value instanceof LocalDateTime ? value
                    : value instanceof LocalDate d ? d.atStartOfDay()
                    : value instanceof String s ? ColumnType.TIMESTAMP.parse(s.trim()) : null;
            case NULL -> null;
        };
    }

    /** A value as Hive prints it. */
    public static String toText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t.format(TIMESTAMP);
        }
        return value.toString();
    }
}
