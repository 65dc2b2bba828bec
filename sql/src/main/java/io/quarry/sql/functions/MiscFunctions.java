package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.ANY;
import static io.quarry.sql.functions.ArgKind.NUMBER;
import static io.quarry.sql.functions.ArgKind.STRING;
import static io.quarry.sql.functions.HiveValues.toDouble;
import static io.quarry.sql.functions.HiveValues.toInt;
import static io.quarry.sql.functions.HiveValues.toLong;
import static io.quarry.sql.functions.HiveValues.toStr;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HexFormat;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.apache.calcite.sql.SqlFunctionCategory;

/** Hive's other string helpers: format_number, printf, hashes, levenshtein, soundex, elt, field, hex, bin. */
final class MiscFunctions {
    private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.STRING;

    private MiscFunctions() {
    }

    static List<HiveFunction> all() {
        return List.of(
                HiveFunction.of("FORMAT_NUMBER", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(NUMBER, ANY),
                        FormatNumber::new),
                HiveFunction.of("PRINTF", CATEGORY, HiveReturnTypes.STRING, HiveSignature.variadic(List.of(STRING), ANY, 0),
                        () -> MiscFunctions::printf),
                HiveFunction.of("MD5", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(STRING),
                        () -> args -> digest("MD5", args[0])),
                HiveFunction.of("SHA1", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(STRING),
                        () -> args -> digest("SHA-1", args[0])),
                HiveFunction.of("SHA", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(STRING),
                        () -> args -> digest("SHA-1", args[0])),
                HiveFunction.of("SHA2", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(STRING, NUMBER),
                        () -> MiscFunctions::sha2),
                HiveFunction.of("CRC32", CATEGORY, HiveReturnTypes.BIGINT, HiveSignature.of(STRING),
                        () -> MiscFunctions::crc32),
                HiveFunction.of("LEVENSHTEIN", CATEGORY, HiveReturnTypes.INT, HiveSignature.of(STRING, STRING),
                        () -> MiscFunctions::levenshtein),
                HiveFunction.of("SOUNDEX", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(STRING),
                        () -> MiscFunctions::soundex),
                HiveFunction.of("ELT", CATEGORY, HiveReturnTypes.STRING, HiveSignature.variadic(List.of(NUMBER), STRING, 1),
                        () -> MiscFunctions::elt),
                HiveFunction.of("FIELD", CATEGORY, HiveReturnTypes.INT, HiveSignature.variadic(List.of(ANY), ANY, 1),
                        () -> MiscFunctions::field),
                HiveFunction.of("HEX", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(STRING),
                        () -> MiscFunctions::hex),
                HiveFunction.of("BIN", CATEGORY, HiveReturnTypes.STRING, HiveSignature.of(NUMBER),
                        () -> args -> {
                            Long n = toLong(args[0]);
                            return n == null ? null : Long.toBinaryString(n);
                        }));
    }

    /**
     * format_number(x, d): x with thousands separators, rounded half-even to d decimals; format_number(x,
     * 'pattern') uses a DecimalFormat pattern. NULL for a negative d.
     */
    static final class FormatNumber implements ScalarFunction {
        private Object lastSpec;
        private DecimalFormat format;

        @Override
        public Object apply(Object[] args) {
            Double x = toDouble(args[0]);
            Object spec = args[1];
            if (x == null || spec == null) {
                return null;
            }
            if (!spec.equals(lastSpec)) {
                format = format(spec);
                lastSpec = spec;
            }
            return format == null ? null : format.format(x);
        }

        private static DecimalFormat format(Object spec) {
            String pattern;
            if (spec instanceof String s && toInt(s) == null) {
                pattern = s.isEmpty() ? "#,###,###,###,###,###,##0" : s;
            } else {
                Integer decimals = toInt(spec);
                if (decimals == null || decimals < 0) {
                    return null;
                }
                pattern = "#,###,###,###,###,###,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : "");
            }
            DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
            format.setRoundingMode(RoundingMode.HALF_EVEN);
            return format;
        }
    }

    private static Object printf(Object[] args) {
        String pattern = toStr(args[0]);
        if (pattern == null) {
            return null;
        }
        Object[] values = new Object[args.length - 1];
        System.arraycopy(args, 1, values, 0, values.length);
        try {
            return String.format(Locale.US, pattern, values);
        } catch (IllegalFormatException e) {
            throw new IllegalArgumentException("printf: '" + pattern + "' does not fit its arguments: " + e.getMessage(), e);
        }
    }

    private static Object digest(String algorithm, Object value) {
        String s = toStr(value);
        if (s == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks " + algorithm, e);
        }
    }

    /** sha2(s, bits) for 224, 256 (or 0), 384, 512; NULL for other lengths. */
    private static Object sha2(Object[] args) {
        Integer bits = toInt(args[1]);
        if (bits == null) {
            return null;
        }
        return switch (bits) {
            case 0, 256 -> digest("SHA-256", args[0]);
            case 224 -> digest("SHA-224", args[0]);
            case 384 -> digest("SHA-384", args[0]);
            case 512 -> digest("SHA-512", args[0]);
            default -> null;
        };
    }

    private static Object crc32(Object[] args) {
        String s = toStr(args[0]);
        if (s == null) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static Object levenshtein(Object[] args) {
        String a = toStr(args[0]);
        String b = toStr(args[1]);
        if (a == null || b == null) {
            return null;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** American Soundex: the first letter and three digits; '' for a string without letters. */
    private static Object soundex(Object[] args) {
        String s = toStr(args[0]);
        if (s == null) {
            return null;
        }
        String codes = "01230120022455012623010202";
        StringBuilder out = new StringBuilder(4);
        char last = 0;
        for (int i = 0; i < s.length() && out.length() < 4; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (c < 'A' || c > 'Z') {
                continue;
            }
            char code = codes.charAt(c - 'A');
            if (out.length() == 0) {
                out.append(c);
                last = code;
            } else if (code != '0' && code != last) {
                out.append(code);
                last = code;
            } else if (c != 'H' && c != 'W') {
                last = code;
            }
        }
        if (out.length() == 0) {
            return "";
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }

    /** elt(n, s1, s2, ...): the n-th string; NULL when n is out of range. */
    private static Object elt(Object[] args) {
        Integer n = toInt(args[0]);
        if (n == null || n < 1 || n >= args.length) {
            return null;
        }
        return toStr(args[n]);
    }

    /** field(v, v1, v2, ...): the 1-based index of the first vi equal to v; 0 when none is (or v is NULL). */
    private static Object field(Object[] args) {
        if (args[0] == null) {
            return 0;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i] != null && ConditionalFunctions.compare(args[0], args[i]) == 0) {
                return i;
            }
        }
        return 0;
    }

    /** hex(n) of an integer: its hexadecimal digits; of a string: the hex of each byte (upper case). */
    private static Object hex(Object[] args) {
        Object value = args[0];
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Long.toHexString(((Number) value).longValue()).toUpperCase(Locale.ROOT);
        }
        if (value instanceof Double d) {
            return Long.toHexString(d.longValue()).toUpperCase(Locale.ROOT);
        }
        return HexFormat.of().withUpperCase().formatHex(toStr(value).getBytes(StandardCharsets.UTF_8));
    }
}
