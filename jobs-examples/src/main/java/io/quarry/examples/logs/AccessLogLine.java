package io.quarry.examples.logs;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Apache combined access-log lines with the same regular expression (whole-line match) as
 * the Hive table over the generated logs; a line that does not match is unparsable. Reuse one
 * instance per task: it keeps its matcher.
 *
 * <pre>IP - USER [dd/MMM/yyyy:HH:mm:ss +0000] "METHOD URL PROTOCOL" STATUS BYTES "REFERER" "USER_AGENT"</pre>
 */
public final class AccessLogLine {
    /** The Hive table's {@code input.regex}: 11 groups. */
    public static final Pattern COMBINED = Pattern.compile(
            "([^ ]+) ([^ ]+) ([^ ]+) \\[([^\\]]+)\\] \"([^ \"]+) ([^ \"]+) ([^ \"]+)\" ([0-9]{3}) ([0-9]+|-) \"([^\"]*)\" \"([^\"]*)\"");
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final Matcher matcher = COMBINED.matcher("");

    /** Matches {@code line}; the accessors below read the last line that matched. */
    public boolean parse(CharSequence line) {
        Objects.requireNonNull(line, "line");
        return matcher.reset(line).matches();
    }

    public String ip() {
        return matcher.group(1);
    }

    /** The bracketed timestamp, e.g. {@code 13/Mar/2025:14:03:07 +0000}. */
    public String timestamp() {
        return matcher.group(4);
    }

    public String url() {
        return matcher.group(6);
    }

    public String status() {
        return matcher.group(8);
    }

    /**
     * The UTC hour of the timestamp as {@code yyyy-MM-ddTHH}, or null when the timestamp is not
     * {@code dd/MMM/yyyy:HH:mm:ss +0000} (the generated logs are always in UTC).
     */
    public String utcHour() {
        String ts = timestamp();
        if (ts.length() != 26 || ts.charAt(2) != '/' || ts.charAt(6) != '/' || ts.charAt(11) != ':'
                || !ts.endsWith(" +0000")) {
            return null;
        }
        int month = monthNumber(ts.substring(3, 6));
        if (month < 0 || !digits(ts, 0, 2) || !digits(ts, 7, 11) || !digits(ts, 12, 14)) {
            return null;
        }
        return ts.substring(7, 11) + '-' + (month < 10 ? "0" : "") + month + '-' + ts.substring(0, 2) + 'T' + ts.substring(12, 14);
    }

    /** The first two octets of an IPv4 address ({@code 12.34} of {@code 12.34.5.6}), else null. */
    public static String ipv4Prefix(String ip) {
        int first = ip.indexOf('.');
        int second = first < 0 ? -1 : ip.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || !digits(ip, 0, first) || !digits(ip, first + 1, second)) {
            return null;
        }
        return ip.substring(0, second);
    }

    private static int monthNumber(String name) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }
}
