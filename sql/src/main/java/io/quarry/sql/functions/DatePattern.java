package io.quarry.sql.functions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast reading and printing of the SimpleDateFormat patterns logs use most (fields {@code yyyy MM MMM dd HH
 * mm ss SSS Z} between literals), giving exactly SimpleDateFormat's answer (English names, UTC) for the input
 * it accepts: fixed-width digits followed by a non-digit, values in range, {@code +hhmm} offsets. Anything
 * else (lenient roll-over, other fields, long month names, blanks before numbers) is left to
 * SimpleDateFormat: {@link #parseMillis} returns {@link #NOT_FAST} and {@link #compile} returns null for a
 * pattern with other letters.
 */
final class DatePattern {
    static final long NOT_FAST = Long.MIN_VALUE;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private enum Kind { LITERAL, YEAR, MONTH, MONTH_NAME, DAY, HOUR, MINUTE, SECOND, MILLIS, ZONE }

    private record Token(Kind kind, String literal, int width) {
    }

    private final Token[] tokens;

    private DatePattern(List<Token> tokens) {
        this.tokens = tokens.toArray(Token[]::new);
    }

    /** The compiled pattern, or null when it uses something the fast path does not handle. */
    static DatePattern compile(String pattern) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                String quoted = end == i + 1 ? "'" : pattern.substring(i + 1, end);
                if (quoted.contains("'") && end != i + 1) {
                    return null;
                }
                tokens.add(new Token(Kind.LITERAL, quoted, quoted.length()));
                i = end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                tokens.add(new Token(Kind.LITERAL, String.valueOf(c), 1));
                i++;
                continue;
            }
            int run = i;
            while (run < pattern.length() && pattern.charAt(run) == c) {
                run++;
            }
            int count = run - i;
            Kind kind = switch (c) {
                case 'y' -> count == 4 ? Kind.YEAR : null;
                case 'M' -> count == 2 ? Kind.MONTH : count == 3 ? Kind.MONTH_NAME : null;
                case 'd' -> count == 2 ? Kind.DAY : null;
                case 'H' -> count == 2 ? Kind.HOUR : null;
                case 'm' -> count == 2 ? Kind.MINUTE : null;
                case 's' -> count == 2 ? Kind.SECOND : null;
                case 'S' -> count == 3 ? Kind.MILLIS : null;
                case 'Z' -> count == 1 ? Kind.ZONE : null;
                default -> null;
            };
            if (kind == null) {
                return null;
            }
            tokens.add(new Token(kind, null, count));
            i = run;
        }
        for (int t = 0; t + 1 < tokens.size(); t++) {
            if (numeric(tokens.get(t).kind()) && numeric(tokens.get(t + 1).kind())) {
                return null; // abutting numeric fields: SimpleDateFormat's width rules apply
            }
        }
        return new DatePattern(tokens);
    }

    private static boolean numeric(Kind kind) {
        return kind != Kind.LITERAL && kind != Kind.MONTH_NAME;
    }

    /** Epoch milliseconds of the text (trailing text ignored), or {@link #NOT_FAST}. */
    long parseMillis(String text) {
        int year = 1970;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int millis = 0;
        int offsetMinutes = 0;
        int pos = 0;
        for (Token token : tokens) {
            switch (token.kind()) {
                case LITERAL -> {
                    if (!text.startsWith(token.literal(), pos)) {
                        return NOT_FAST;
                    }
                    pos += token.literal().length();
                }
                case MONTH_NAME -> {
                    month = monthAt(text, pos);
                    if (month == 0) {
                        return NOT_FAST;
                    }
                    pos += 3;
                }
                case ZONE -> {
                    if (pos + 5 > text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) {
                        return NOT_FAST;
                    }
                    int hh = digits(text, pos + 1, 2);
                    int mm = digits(text, pos + 3, 2);
                    if (hh < 0 || mm < 0 || hh > 23 || mm > 59 || digitAt(text, pos + 5)) {
                        return NOT_FAST;
                    }
                    offsetMinutes = (text.charAt(pos) == '-' ? -1 : 1) * (hh * 60 + mm);
                    pos += 5;
                }
                default -> {
                    int value = digits(text, pos, token.width());
                    if (value < 0 || digitAt(text, pos + token.width())) {
                        return NOT_FAST;
                    }
                    pos += token.width();
                    switch (token.kind()) {
                        case YEAR -> year = value;
                        case MONTH -> month = value;
                        case DAY -> day = value;
                        case HOUR -> hour = value;
                        case MINUTE -> minute = value;
                        case SECOND -> second = value;
                        default -> millis = value;
                    }
                }
            }
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return NOT_FAST;
        }
        long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC)
                - offsetMinutes * 60L;
        return epochSecond * 1000 + millis;
    }

    /** The instant printed with the pattern in UTC, or null when the year is outside 1..9999. */
    String format(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return null;
        }
        StringBuilder out = new StringBuilder(32);
        for (Token token : tokens) {
            switch (token.kind()) {
                case LITERAL -> out.append(token.literal());
                case YEAR -> pad(out, t.getYear(), 4);
                case MONTH -> pad(out, t.getMonthValue(), 2);
                case MONTH_NAME -> out.append(MONTHS[t.getMonthValue() - 1]);
                case DAY -> pad(out, t.getDayOfMonth(), 2);
                case HOUR -> pad(out, t.getHour(), 2);
                case MINUTE -> pad(out, t.getMinute(), 2);
                case SECOND -> pad(out, t.getSecond(), 2);
                case MILLIS -> pad(out, (int) Math.floorMod(epochMillis, 1000), 3);
                case ZONE -> out.append("+0000");
            }
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, int value, int width) {
        for (int p = 10, w = 1; w < width; p *= 10, w++) {
            if (value < p) {
                out.append('0');
            }
        }
        out.append(value);
    }

    private static int monthAt(String text, int pos) {
        if (pos + 3 > text.length() || pos + 3 < text.length() && Character.isLetter(text.charAt(pos + 3))) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            if (text.startsWith(MONTHS[m], pos)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static int digits(String text, int pos, int width) {
        if (pos + width > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = pos; i < pos + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean digitAt(String text, int pos) {
        return pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
    }
}
