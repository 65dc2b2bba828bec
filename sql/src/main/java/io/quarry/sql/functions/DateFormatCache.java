package io.quarry.sql.functions;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Hive's date patterns (java.text.SimpleDateFormat: lenient, English month and day names, the session time
 * zone UTC), compiled once per distinct pattern (with a {@link DatePattern} fast path for the common ones)
 * and remembering the last conversion: log timestamps repeat second after second, so consecutive rows often
 * convert the same text.
 */
final class DateFormatCache {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final String function;
    private String lastPattern;
    private SimpleDateFormat format;
    private DatePattern fast;
    private String lastParsedText;
    private Long lastParsedSeconds;
    private long lastFormattedMillis = Long.MIN_VALUE;
    private String lastFormatted;

    DateFormatCache(String function) {
        this.function = function;
    }

    /** Epoch seconds of the text read with the pattern from its start (trailing text ignored); null if it does not parse. */
    Long parseSeconds(String text, String pattern) {
        SimpleDateFormat f = format(pattern);
        if (text.equals(lastParsedText)) {
            return lastParsedSeconds;
        }
        long millis = fast == null ? DatePattern.NOT_FAST : fast.parseMillis(text);
        if (millis == DatePattern.NOT_FAST) {
            Date date = f.parse(text, new ParsePosition(0));
            lastParsedSeconds = date == null ? null : date.getTime() / 1000;
        } else {
            lastParsedSeconds = millis / 1000;
        }
        lastParsedText = text;
        return lastParsedSeconds;
    }

    /** The instant (epoch milliseconds) printed with the pattern. */
    String format(long epochMillis, String pattern) {
        SimpleDateFormat f = format(pattern);
        if (epochMillis != lastFormattedMillis || lastFormatted == null) {
            String quick = fast == null ? null : fast.format(epochMillis);
            lastFormatted = quick != null ? quick : f.format(new Date(epochMillis));
            lastFormattedMillis = epochMillis;
        }
        return lastFormatted;
    }

    private SimpleDateFormat format(String pattern) {
        if (format == null || !pattern.equals(lastPattern)) {
            try {
                SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.US);
                f.setTimeZone(UTC);
                format = f;
                fast = DatePattern.compile(pattern);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(function + ": invalid date pattern '" + pattern + "': "
                        + e.getMessage(), e);
            }
            lastPattern = pattern;
            lastParsedText = null;
            lastFormatted = null;
        }
        return format;
    }
}
