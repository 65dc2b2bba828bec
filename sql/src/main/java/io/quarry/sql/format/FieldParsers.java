package io.quarry.sql.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Hive's text-to-value rules, applied to a region of a line without copying it where the type
 * allows. Every parser returns null for text that is not a value of its type, as Hive's lazy
 * SerDes do.
 */
final class FieldParsers {
    private FieldParsers() {
    }

    /** Optional sign, digits, and an optional fraction that is dropped (Hive reads "12.7" as 12); null on overflow. */
    static Integer parseInt(CharSequence s, int start, int end) {
        long value = parseIntegral(s, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return value == NOT_A_NUMBER ? null : (int) value;
    }

    static Long parseLong(CharSequence s, int start, int end) {
        long value = parseIntegral(s, start, end, Long.MIN_VALUE, Long.MAX_VALUE);
        return value == NOT_A_NUMBER && !isLongMin(s, start, end) ? null : value;
    }

    /** Java's double syntax (surrounding blanks, exponents, NaN, Infinity), as Hive's LazyDouble. */
    static Double parseDouble(CharSequence s, int start, int end) {
        int first = start;
        while (first < end && s.charAt(first) <= ' ') {
            first++;
        }
        if (first == end) {
            return null;
        }
        char c = s.charAt(first);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' && c != 'N' && c != 'I') {
            return null;
        }
        try {
            return Double.parseDouble(s.subSequence(start, end).toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "true" or "false" in any case. */
    static Boolean parseBoolean(CharSequence s, int start, int end) {
        int length = end - start;
        if (length == 4 && regionEqualsIgnoreCase(s, start, "true")) {
            return Boolean.TRUE;
        }
        if (length == 5 && regionEqualsIgnoreCase(s, start, "false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** {@code yyyy-MM-dd}, optionally followed by a blank or 'T' and a time, which is ignored. */
    static LocalDate parseDate(CharSequence s, int start, int end) {
        DateTimeScanner scan = new DateTimeScanner(s, start, end);
        if (!scan.date() || (!scan.atEnd() && !scan.atTimeSeparator())) {
            return null;
        }
        try {
            return LocalDate.of(scan.year, scan.month, scan.day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]]}; a date alone is midnight. */
    static LocalDateTime parseTimestamp(CharSequence s, int start, int end) {
        DateTimeScanner scan = new DateTimeScanner(s, start, end);
        if (!scan.date()) {
            return null;
        }
        if (!scan.atEnd() && !(scan.atTimeSeparator() && scan.time() && scan.atEnd())) {
            return null;
        }
        try {
            return LocalDateTime.of(scan.year, scan.month, scan.day, scan.hour, scan.minute, scan.second, scan.nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private static long parseIntegral(CharSequence s, int start, int end, long min, long max) {
        if (start >= end) {
            return NOT_A_NUMBER;
        }
        int i = start;
        boolean negative = false;
        char first = s.charAt(i);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        if (i == end) {
            return NOT_A_NUMBER;
        }
        // Accumulate negatively so that the minimum value fits.
        long limit = negative ? min : -max;
        long result = 0;
        int digits = 0;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                break;
            }
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            int digit = c - '0';
            if (result < (limit + digit) / 10) {
                return NOT_A_NUMBER;
            }
            result = result * 10 - digit;
            digits++;
        }
        if (i < end) {
            for (i++; i < end; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return NOT_A_NUMBER;
                }
            }
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        return negative ? result : -result;
    }

    /** Whether the text is Long.MIN_VALUE, whose value is also the parser's "not a number" marker. */
    private static boolean isLongMin(CharSequence s, int start, int end) {
        int dot = start;
        while (dot < end && s.charAt(dot) != '.') {
            dot++;
        }
        if (!"-9223372036854775808".contentEquals(s.subSequence(start, dot))) {
            return false;
        }
        for (int i = dot + 1; i < end; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean regionEqualsIgnoreCase(CharSequence s, int start, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(s.charAt(start + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
