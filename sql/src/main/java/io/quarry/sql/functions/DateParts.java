package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.DATETIME;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.calcite.sql.SqlFunctionCategory;

/**
 * year, month, day, hour, minute, second, weekofyear, quarter, dayofweek of a timestamp, a date or a string
 * (yyyy-MM-dd[ HH:mm:ss]; hour, minute and second also read a bare HH:mm:ss, as Hive does). INT results.
 */
final class DateParts {
    private DateParts() {
    }

    static List<HiveFunction> all() {
        return List.of(
                part("YEAR", LocalDateTime::getYear, false),
                part("MONTH", LocalDateTime::getMonthValue, false),
                part("DAY", LocalDateTime::getDayOfMonth, false),
                part("DAYOFMONTH", LocalDateTime::getDayOfMonth, false),
                part("HOUR", LocalDateTime::getHour, true),
                part("MINUTE", LocalDateTime::getMinute, true),
                part("SECOND", LocalDateTime::getSecond, true),
                part("WEEKOFYEAR", t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), false),
                part("QUARTER", t -> (t.getMonthValue() + 2) / 3, false),
                part("DAYOFWEEK", t -> t.getDayOfWeek().getValue() % 7 + 1, false));
    }

    private static HiveFunction part(String name, ToIntFunction<LocalDateTime> field, boolean timeOnlyAllowed) {
        return HiveFunction.of(name, SqlFunctionCategory.TIMEDATE, HiveReturnTypes.INT, HiveSignature.of(DATETIME),
                () -> args -> {
                    LocalDateTime t = DateFunctions.timestampOf(args[0]);
                    if (t == null && timeOnlyAllowed && args[0] instanceof String s) {
                        t = timeOnly(s.trim());
                    }
                    return t == null ? null : field.applyAsInt(t);
                });
    }

    /** H:mm:ss (also H:mm) on day zero, or null. */
    private static LocalDateTime timeOnly(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        try {
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            int second = parts.length == 3 ? (int) Double.parseDouble(parts[2]) : 0;
            return LocalDateTime.of(1970, 1, 1, 0, 0).with(LocalTime.of(hour, minute, second));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
