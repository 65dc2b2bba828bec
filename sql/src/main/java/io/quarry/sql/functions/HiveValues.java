package io.quarry.sql.functions;

import io.quarry.sql.format.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Hive's implicit conversions between runtime values, each returning null where Hive yields NULL (a
 * string that is no number, a date string that does not parse).
 */
public final class HiveValues {
    private HiveValues() {
    }

    /** The string form Hive gives a value: decimal numbers, Java's double form, yyyy-MM-dd[ HH:mm:ss[.f]]. */
    public static String toStr(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestampString(timestamp);
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return value.toString();
    }

    /** Hive's TIMESTAMP form: yyyy-MM-dd HH:mm:ss, then the fraction without trailing zeros if there is one. */
    public static String timestampString(LocalDateTime t) {
        StringBuilder out = new StringBuilder(29);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            String fraction = String.format(Locale.ROOT, "%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        return out.toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    public static Long toLong(Object value) {
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return n.longValue();
        }
        if (value instanceof String s) {
            return (Long) ColumnType.BIGINT.parse(s);
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return null;
    }

    public static Integer toInt(Object value) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof String s) {
            return (Integer) ColumnType.INT.parse(s);
        }
        Long l = toLong(value);
        return l == null ? null : (int) l.longValue();
    }

    public static Double toDouble(Object value) {
        if (value == null || value instanceof Double) {
            return (Double) value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            return (Double) ColumnType.DOUBLE.parse(s);
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return null;
    }

    public static Boolean toBoolean(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return null;
    }

    /** A TIMESTAMP for a timestamp, a date (midnight) or a yyyy-MM-dd[ HH:mm:ss[.f]] string; else null. */
    public static LocalDateTime toTimestamp(Object value) {
        if (value == null || value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof String s) {
            return (LocalDateTime) ColumnType.TIMESTAMP.parse(s.trim());
        }
        return null;
    }

    /** A DATE for a date, a timestamp (its day) or a string that starts with yyyy-MM-dd; else null. */
    public static LocalDate toDate(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.toLocalDate();
        }
        if (value instanceof String s) {
            return (LocalDate) ColumnType.DATE.parse(s.trim());
        }
        return null;
    }

    /** Converts a function's result to the Java class of the SQL type it was declared with. */
    public static Object coerce(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> value instanceof List<?> ? value : toStr(value);
            case INT -> toInt(value);
            case BIGINT -> toLong(value);
            case DOUBLE -> toDouble(value);
            case BOOLEAN -> toBoolean(value);
            case TIMESTAMP -> toTimestamp(value);
            case DATE -> toDate(value);
        };
    }
}
