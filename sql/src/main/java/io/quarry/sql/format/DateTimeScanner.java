package io.quarry.sql.format;

/** Reads the numeric parts of a date and time from a region of text, without allocating. */
final class DateTimeScanner {
    private final CharSequence text;
    private final int end;
    private int pos;
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int nanos;

    DateTimeScanner(CharSequence text, int start, int end) {
        this.text = text;
        this.pos = start;
        this.end = end;
    }

    /** yyyy-M-d with a four-digit year and one- or two-digit month and day. */
    boolean date() {
        year = number(4, 4);
        if (year < 0 || !expect('-')) {
            return false;
        }
        month = number(1, 2);
        if (month < 0 || !expect('-')) {
            return false;
        }
        day = number(1, 2);
        return day >= 0;
    }

    /** Consumes the separator between date and time, if it is next. */
    boolean atTimeSeparator() {
        if (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == 'T')) {
            pos++;
            return true;
        }
        return false;
    }

    /** H:mm[:ss[.f…]] with up to nine fraction digits. */
    boolean time() {
        hour = number(1, 2);
        if (hour < 0 || !expect(':')) {
            return false;
        }
        minute = number(2, 2);
        if (minute < 0) {
            return false;
        }
        if (pos < end && text.charAt(pos) == ':') {
            pos++;
            second = number(2, 2);
            if (second < 0) {
                return false;
            }
            if (pos < end && text.charAt(pos) == '.') {
                pos++;
                int digits = 0;
                int fraction = 0;
                while (pos < end && Character.isDigit(text.charAt(pos)) && digits < 9) {
                    fraction = fraction * 10 + (text.charAt(pos++) - '0');
                    digits++;
                }
                if (digits == 0) {
                    return false;
                }
                for (int i = digits; i < 9; i++) {
                    fraction *= 10;
                }
                nanos = fraction;
            }
        }
        return true;
    }

    boolean atEnd() {
        return pos == end;
    }

    private boolean expect(char c) {
        if (pos < end && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private int number(int minDigits, int maxDigits) {
        int value = 0;
        int digits = 0;
        while (pos < end && digits < maxDigits) {
            char c = text.charAt(pos);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            pos++;
            digits++;
        }
        return digits >= minDigits ? value : -1;
    }
}
