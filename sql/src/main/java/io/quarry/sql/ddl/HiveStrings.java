package io.quarry.sql.ddl;

/**
 * Hive's rules for the body of a quoted string literal: {@code \0 \' \" \b \n \r \t \Z \\}, three
 * octal digits ({@code \001}), {@code \}{@code uXXXX}; {@code \%} and {@code \_} keep their backslash
 * (they mean something to LIKE); any other escaped character stands for itself.
 */
public final class HiveStrings {
    private HiveStrings() {
    }

    /** The value of a literal whose text between the quotes is {@code body}. */
    public static String unescape(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == n) {
                out.append(c);
                continue;
            }
            if (i + 3 < n && isOctal(body, i + 1, 3) && body.charAt(i + 1) <= '3') {
                out.append((char) Integer.parseInt(body, i + 1, i + 4, 8));
                i += 3;
                continue;
            }
            if (i + 5 < n && body.charAt(i + 1) == 'u' && isHex(body, i + 2, 4)) {
                out.append((char) Integer.parseInt(body, i + 2, i + 6, 16));
                i += 5;
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '0' -> out.append('\0');
                case 'b' -> out.append('\b');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'Z' -> out.append('\u001A');
                case '%', '_' -> out.append('\\').append(e);
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
