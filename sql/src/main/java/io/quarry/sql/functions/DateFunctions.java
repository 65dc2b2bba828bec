package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.DATETIME;
import static io.quarry.sql.functions.ArgKind.NUMBER;
import static io.quarry.sql.functions.ArgKind.STRING;
import static io.quarry.sql.functions.HiveValues.toDate;
import static io.quarry.sql.functions.HiveValues.toInt;
import static io.quarry.sql.functions.HiveValues.toLong;
import static io.quarry.sql.functions.HiveValues.toStr;
import static io.quarry.sql.functions.HiveValues.toTimestamp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * Hive's date functions. The session time zone is UTC; patterns are java.text.SimpleDateFormat's. A value
 * Hive cannot read as a date gives NULL.
 */
final class DateFunctions {
    static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private DateFunctions() {
    }

    static List<HiveFunction> all() {
        List<HiveFunction> all = new ArrayList<>(DateParts.all());
        all.addAll(List.of(
                fn("UNIX_TIMESTAMP", HiveReturnTypes.BIGINT, HiveSignature.withOptional(List.of(DATETIME), STRING),
                        UnixTimestamp::new),
                fn("TO_UNIX_TIMESTAMP", HiveReturnTypes.BIGINT,
                        HiveSignature.withOptional(List.of(DATETIME), STRING), UnixTimestamp::new),
                fn("FROM_UNIXTIME", HiveReturnTypes.STRING, HiveSignature.withOptional(List.of(NUMBER), STRING),
                        FromUnixtime::new),
                fn("TO_DATE", HiveReturnTypes.DATE, HiveSignature.of(DATETIME), ToDate::new),
                fn("DATE_FORMAT", HiveReturnTypes.STRING, HiveSignature.of(DATETIME, STRING), DateFormat::new),
                fn("DATEDIFF", HiveReturnTypes.INT, HiveSignature.of(DATETIME, DATETIME), () -> DateFunctions::datediff),
                fn("DATE_ADD", HiveReturnTypes.DATE, HiveSignature.of(DATETIME, NUMBER), () -> args -> addDays(args, 1)),
                fn("DATE_SUB", HiveReturnTypes.DATE, HiveSignature.of(DATETIME, NUMBER), () -> args -> addDays(args, -1)),
                fn("ADD_MONTHS", HiveReturnTypes.STRING, HiveSignature.of(DATETIME, NUMBER),
                        () -> DateFunctions::addMonths),
                fn("LAST_DAY", HiveReturnTypes.STRING, HiveSignature.of(DATETIME), () -> DateFunctions::lastDay),
                fn("MONTHS_BETWEEN", HiveReturnTypes.DOUBLE, HiveSignature.of(DATETIME, DATETIME),
                        () -> DateFunctions::monthsBetween),
                fn("TRUNC", HiveReturnTypes.STRING, HiveSignature.of(DATETIME, STRING), () -> DateFunctions::trunc),
                fn("NEXT_DAY", HiveReturnTypes.STRING, HiveSignature.of(DATETIME, STRING), () -> DateFunctions::nextDay),
                fn("FROM_UTC_TIMESTAMP", HiveReturnTypes.TIMESTAMP, HiveSignature.of(DATETIME, STRING),
                        () -> args -> shiftZone(args, true)),
                fn("TO_UTC_TIMESTAMP", HiveReturnTypes.TIMESTAMP, HiveSignature.of(DATETIME, STRING),
                        () -> args -> shiftZone(args, false))));
        return all;
    }

    private static HiveFunction fn(String name, SqlReturnTypeInference returns, HiveSignature signature,
            Supplier<ScalarFunction> factory) {
        return HiveFunction.of(name, SqlFunctionCategory.TIMEDATE, returns, signature, factory);
    }

    /**
     * unix_timestamp(s[, pattern]): epoch seconds of s read with the pattern (default yyyy-MM-dd HH:mm:ss);
     * a DATE or TIMESTAMP argument is converted directly; NULL when s does not parse.
     */
    static final class UnixTimestamp implements ScalarFunction {
        private final DateFormatCache formats = new DateFormatCache("unix_timestamp");

        @Override
        public Object apply(Object[] args) {
            Object value = args[0];
            if (value == null) {
                return null;
            }
            if (value instanceof LocalDateTime t) {
                return t.toEpochSecond(ZoneOffset.UTC);
            }
            if (value instanceof LocalDate d) {
                return d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            String pattern = args.length > 1 ? toStr(args[1]) : DEFAULT_PATTERN;
            if (pattern == null) {
                return null;
            }
            return formats.parseSeconds(toStr(value), pattern);
        }
    }

    /** from_unixtime(seconds[, pattern]): the instant printed in UTC, default yyyy-MM-dd HH:mm:ss. */
    static final class FromUnixtime implements ScalarFunction {
        private final DateFormatCache formats = new DateFormatCache("from_unixtime");

        @Override
        public Object apply(Object[] args) {
            Long seconds = toLong(args[0]);
            String pattern = args.length > 1 ? toStr(args[1]) : DEFAULT_PATTERN;
            if (seconds == null || pattern == null) {
                return null;
            }
            return formats.format(seconds * 1000, pattern);
        }
    }

    /** to_date(x): the DATE of a timestamp, a date, or a string that starts with yyyy-MM-dd. */
    static final class ToDate implements ScalarFunction {
        private Object lastInput;
        private LocalDate lastDate;

        @Override
        public Object apply(Object[] args) {
            Object value = args[0];
            if (value instanceof String s) {
                if (!s.equals(lastInput)) {
                    lastDate = toDate(s);
                    lastInput = s;
                }
                return lastDate;
            }
            return toDate(value);
        }
    }

    /** date_format(x, pattern): a date, timestamp or timestamp string printed with the pattern. */
    static final class DateFormat implements ScalarFunction {
        private final DateFormatCache formats = new DateFormatCache("date_format");

        @Override
        public Object apply(Object[] args) {
            LocalDateTime t = timestampOf(args[0]);
            String pattern = toStr(args[1]);
            if (t == null || pattern == null) {
                return null;
            }
            long millis = t.toEpochSecond(ZoneOffset.UTC) * 1000 + t.getNano() / 1_000_000;
            return formats.format(millis, pattern);
        }
    }

    /** A timestamp, a date (midnight), or a string that starts with a date (time of day if it has one). */
    static LocalDateTime timestampOf(Object value) {
        LocalDateTime t = toTimestamp(value);
        if (t != null || !(value instanceof String)) {
            return t;
        }
        LocalDate d = toDate(value);
        return d == null ? null : d.atStartOfDay();
    }

    private static Object datediff(Object[] args) {
        LocalDate end = toDate(args[0]);
        LocalDate start = toDate(args[1]);
        if (end == null || start == null) {
            return null;
        }
        return (int) (end.toEpochDay() - start.toEpochDay());
    }

    private static Object addDays(Object[] args, int sign) {
        LocalDate date = toDate(args[0]);
        Integer days = toInt(args[1]);
        if (date == null || days == null) {
            return null;
        }
        return date.plusDays((long) sign * days);
    }

    /** add_months: the same day n months on; the last day of a month stays the last day. yyyy-MM-dd. */
    private static Object addMonths(Object[] args) {
        LocalDate date = toDate(args[0]);
        Integer months = toInt(args[1]);
        if (date == null || months == null) {
            return null;
        }
        LocalDate result = date.plusMonths(months);
        if (date.getDayOfMonth() == date.lengthOfMonth()) {
            result = result.withDayOfMonth(result.lengthOfMonth());
        }
        return result.toString();
    }

    private static Object lastDay(Object[] args) {
        LocalDate date = toDate(args[0]);
        return date == null ? null : date.withDayOfMonth(date.lengthOfMonth()).toString();
    }

    /**
     * months_between(a, b): whole months when both are the same day of month or both last days, else the
     * fraction over 31-day months including the time of day; rounded to 8 digits.
     */
    private static Object monthsBetween(Object[] args) {
        LocalDateTime a = timestampOf(args[0]);
        LocalDateTime b = timestampOf(args[1]);
        if (a == null || b == null) {
            return null;
        }
        int monthDiff = (a.getYear() - b.getYear()) * 12 + a.getMonthValue() - b.getMonthValue();
        boolean bothLast = a.getDayOfMonth() == a.toLocalDate().lengthOfMonth()
                && b.getDayOfMonth() == b.toLocalDate().lengthOfMonth();
        if (a.getDayOfMonth() == b.getDayOfMonth() || bothLast) {
            return (double) monthDiff;
        }
        long secondsA = (a.getDayOfMonth() - 1L) * 86400 + a.toLocalTime().toSecondOfDay();
        long secondsB = (b.getDayOfMonth() - 1L) * 86400 + b.toLocalTime().toSecondOfDay();
        double result = monthDiff + (secondsA - secondsB) / (31.0 * 86400);
        return Math.round(result * 1e8) / 1e8;
    }

    /** trunc(date, 'YEAR'|'YYYY'|'YY'|'QUARTER'|'Q'|'MONTH'|'MON'|'MM'): the first day of that period; else NULL. */
    private static Object trunc(Object[] args) {
        LocalDate date = toDate(args[0]);
        String unit = toStr(args[1]);
        if (date == null || unit == null) {
            return null;
        }
        return switch (unit.toUpperCase(java.util.Locale.ROOT)) {
            case "YEAR", "YYYY", "YY" -> date.withDayOfYear(1).toString();
            case "QUARTER", "Q" -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1).toString();
            case "MONTH", "MON", "MM" -> date.withDayOfMonth(1).toString();
            default -> null;
        };
    }

    /** next_day(date, 'MO'|'MON'|'MONDAY'|...): the first such day strictly after the date; NULL for another name. */
    private static Object nextDay(Object[] args) {
        LocalDate date = toDate(args[0]);
        String day = toStr(args[1]);
        if (date == null || day == null || day.length() < 2) {
            return null;
        }
        String upper = day.toUpperCase(java.util.Locale.ROOT);
        for (java.time.DayOfWeek candidate : java.time.DayOfWeek.values()) {
            String name = candidate.name();
            if (name.startsWith(upper) && (upper.length() == 2 || upper.length() == 3 || upper.equals(name))) {
                return date.with(java.time.temporal.TemporalAdjusters.next(candidate)).toString();
            }
        }
        return null;
    }

    /** from_utc_timestamp(t, zone): t read as UTC shown in zone; to_utc_timestamp the reverse. */
    private static Object shiftZone(Object[] args, boolean fromUtc) {
        LocalDateTime t = timestampOf(args[0]);
        String zone = toStr(args[1]);
        if (t == null || zone == null) {
            return null;
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone);
        } catch (DateTimeException e) {
            return t;
        }
        return fromUtc
                ? t.atZone(ZoneOffset.UTC).withZoneSameInstant(id).toLocalDateTime()
                : t.atZone(id).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

}
