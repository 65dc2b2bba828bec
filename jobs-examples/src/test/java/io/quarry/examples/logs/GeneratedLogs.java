package io.quarry.examples.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded Apache combined access-log lines for tests, each with what it is known to contain by
 * construction: well-formed lines with their client, UTC hour and status, and the malformed kinds
 * the shared log generator makes (truncated, bad request, garbage, extra field, empty).
 */
public final class GeneratedLogs {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] STATUSES = {"200", "200", "200", "200", "304", "404", "500", "503", "301"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "HEAD"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0", "-", "python-requests/2.31.0"};

    /** One generated line; {@code ip}, {@code hour} and {@code status} are null for a malformed line. */
    public record Line(String text, String ip, String hour, String status) {
        public boolean wellFormed() {
            return status != null;
        }
    }

    private GeneratedLogs() {
    }

    /** {@code count} lines, about 5 % malformed, with clients from {@code prefixes} (two octets) and some IPv6. */
    public static List<Line> generate(Random random, int count, List<String> prefixes) {
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ip = random.nextInt(30) == 0 ? "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::1"
                    : prefixes.get(random.nextInt(prefixes.size())) + "." + random.nextInt(256) + "." + random.nextInt(256);
            int month = random.nextInt(2);
            int day = 1 + random.nextInt(28);
            int hour = random.nextInt(24);
            String timestamp = String.format("%02d/%s/2025:%02d:%02d:%02d +0000", day, MONTHS[2 + month], hour,
                    random.nextInt(60), random.nextInt(60));
            String status = STATUSES[random.nextInt(STATUSES.length)];
            String url = "/p/" + random.nextInt(50) + (random.nextBoolean() ? "?q=x" + random.nextInt(9) : "");
            String text = ip + " - " + (random.nextInt(5) == 0 ? "user" + random.nextInt(9) : "-") + " [" + timestamp + "] \""
                    + METHODS[random.nextInt(METHODS.length)] + " " + url + " HTTP/1.1\" " + status + " "
                    + (random.nextInt(4) == 0 ? "-" : Integer.toString(random.nextInt(100_000))) + " \""
                    + (random.nextBoolean() ? "-" : "https://www.example.com/p/" + random.nextInt(9)) + "\" \""
                    + AGENTS[random.nextInt(AGENTS.length)] + "\"";
            int kind = random.nextInt(100);
            if (kind < 95) {
                String utcHour = String.format("2025-%02d-%02dT%02d", 3 + month, day, hour);
                lines.add(new Line(text, ip, utcHour, status));
            } else {
                lines.add(new Line(malformed(random, text, ip, timestamp, kind - 95), null, null, null));
            }
        }
        return lines;
    }

    private static String malformed(Random random, String text, String ip, String timestamp, int kind) {
        return switch (kind) {
            case 0 -> text.substring(0, 1 + random.nextInt(text.length() - 1));
            case 1 -> ip + " - - [" + timestamp + "] \"-\" 408 - \"-\" \"-\"";
            case 2 -> "[error] [client " + ip + "] File does not exist: /var/www/favicon.ico";
            case 3 -> text + " " + random.nextInt(2_000_000);
            default -> "";
        };
    }
}
