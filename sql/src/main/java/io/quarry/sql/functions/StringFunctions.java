package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.NUMBER;
import static io.quarry.sql.functions.ArgKind.STRING;
import static io.quarry.sql.functions.HiveValues.toInt;
import static io.quarry.sql.functions.HiveValues.toStr;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/** Hive's string functions (substr, length, concat, trim, pad, instr, ...). */
final class StringFunctions {
    private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.STRING;

    private StringFunctions() {
    }

    static List<HiveFunction> all() {
        HiveSignature substr = HiveSignature.withOptional(List.of(STRING, NUMBER), NUMBER);
        return List.of(
                fn("SUBSTR", HiveReturnTypes.STRING, substr, () -> StringFunctions::substr),
                fn("SUBSTRING", HiveReturnTypes.STRING, substr, () -> StringFunctions::substr),
                fn("LENGTH", HiveReturnTypes.INT, HiveSignature.of(STRING), () -> StringFunctions::length),
                fn("CHAR_LENGTH", HiveReturnTypes.INT, HiveSignature.of(STRING), () -> StringFunctions::length),
                fn("CHARACTER_LENGTH", HiveReturnTypes.INT, HiveSignature.of(STRING), () -> StringFunctions::length),
                fn("CONCAT", HiveReturnTypes.STRING, HiveSignature.variadic(List.of(), STRING, 1),
                        () -> StringFunctions::concat),
                fn("CONCAT_WS", HiveReturnTypes.STRING,
                        HiveSignature.variadic(List.of(STRING), ArgKind.STRING_OR_ARRAY, 1),
                        () -> StringFunctions::concatWs),
                unary("TRIM", StringFunctions::trimSpaces),
                unary("LTRIM", s -> stripSpaces(s, true, false)),
                unary("RTRIM", s -> stripSpaces(s, false, true)),
                unary("LOWER", s -> s.toLowerCase(Locale.ROOT)),
                unary("LCASE", s -> s.toLowerCase(Locale.ROOT)),
                unary("UPPER", s -> s.toUpperCase(Locale.ROOT)),
                unary("UCASE", s -> s.toUpperCase(Locale.ROOT)),
                unary("REVERSE", s -> new StringBuilder(s).reverse().toString()),
                unary("INITCAP", StringFunctions::initcap),
                fn("INSTR", HiveReturnTypes.INT, HiveSignature.of(STRING, STRING), () -> StringFunctions::instr),
                fn("LOCATE", HiveReturnTypes.INT, HiveSignature.withOptional(List.of(STRING, STRING), NUMBER),
                        () -> StringFunctions::locate),
                fn("LPAD", HiveReturnTypes.STRING, HiveSignature.of(STRING, NUMBER, STRING),
                        () -> args -> pad(args, true)),
                fn("RPAD", HiveReturnTypes.STRING, HiveSignature.of(STRING, NUMBER, STRING),
                        () -> args -> pad(args, false)),
                fn("REPEAT", HiveReturnTypes.STRING, HiveSignature.of(STRING, NUMBER), () -> StringFunctions::repeat),
                fn("SPACE", HiveReturnTypes.STRING, HiveSignature.of(NUMBER), () -> StringFunctions::space),
                fn("ASCII", HiveReturnTypes.INT, HiveSignature.of(STRING), () -> StringFunctions::ascii),
                fn("FIND_IN_SET", HiveReturnTypes.INT, HiveSignature.of(STRING, STRING),
                        () -> StringFunctions::findInSet),
                fn("REPLACE", HiveReturnTypes.STRING, HiveSignature.of(STRING, STRING, STRING),
                        () -> StringFunctions::replace),
                fn("TRANSLATE", HiveReturnTypes.STRING, HiveSignature.of(STRING, STRING, STRING),
                        () -> StringFunctions::translate),
                fn("SUBSTRING_INDEX", HiveReturnTypes.STRING, HiveSignature.of(STRING, STRING, NUMBER),
                        () -> StringFunctions::substringIndex));
    }

    private static HiveFunction fn(String name, SqlReturnTypeInference returns, HiveSignature signature,
            java.util.function.Supplier<ScalarFunction> factory) {
        return HiveFunction.of(name, CATEGORY, returns, signature, factory);
    }

    private static HiveFunction unary(String name, UnaryOperator<String> op) {
        return fn(name, HiveReturnTypes.STRING, HiveSignature.of(STRING), () -> args -> {
            String s = toStr(args[0]);
            return s == null ? null : op.apply(s);
        });
    }

    /** Hive's substr: 1-based; a negative start counts from the end; 0 is 1; out of range is ''. */
    static Object substr(Object[] args) {
        String s = toStr(args[0]);
        Integer pos = toInt(args[1]);
        Integer len = args.length > 2 ? toInt(args[2]) : Integer.valueOf(Integer.MAX_VALUE);
        if (s == null || pos == null || len == null) {
            return null;
        }
        int length = s.length();
        if (len <= 0 || Math.abs((long) pos) > length) {
            return "";
        }
        int start = pos > 0 ? pos - 1 : pos < 0 ? length + pos : 0;
        int end = length - start < len ? length : start + len;
        return s.substring(start, end);
    }

    private static Object length(Object[] args) {
        String s = toStr(args[0]);
        return s == null ? null : s.codePointCount(0, s.length());
    }

    private static Object concat(Object[] args) {
        StringBuilder out = new StringBuilder();
        for (Object arg : args) {
            String s = toStr(arg);
            if (s == null) {
                return null;
            }
            out.append(s);
        }
        return out.toString();
    }

    /** NULL separator: NULL; NULL values are skipped; arrays contribute their elements. */
    private static Object concatWs(Object[] args) {
        String separator = toStr(args[0]);
        if (separator == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof List<?> list) {
                for (Object element : list) {
                    if (element != null) {
                        out.append(first ? "" : separator).append(toStr(element));
                        first = false;
                    }
                }
            } else if (args[i] != null) {
                out.append(first ? "" : separator).append(toStr(args[i]));
                first = false;
            }
        }
        return out.toString();
    }

    /** Hive trims blanks (' ') only, not other whitespace. */
    private static String trimSpaces(String s) {
        return stripSpaces(s, true, true);
    }

    private static String stripSpaces(String s, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (right && end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
            wordStart = Character.isWhitespace(c);
        }
        return out.toString();
    }

    private static Object instr(Object[] args) {
        String s = toStr(args[0]);
        String sub = toStr(args[1]);
        if (s == null || sub == null) {
            return null;
        }
        return s.indexOf(sub) + 1;
    }

    /** locate(substr, str[, pos]): 1-based position of substr in str at or after pos; 0 when absent. */
    private static Object locate(Object[] args) {
        String sub = toStr(args[0]);
        String s = toStr(args[1]);
        Integer from = args.length > 2 ? toInt(args[2]) : Integer.valueOf(1);
        if (sub == null || s == null || from == null) {
            return null;
        }
        if (from <= 0) {
            return 0;
        }
        if (from - 1 > s.length()) {
            return 0;
        }
        return s.indexOf(sub, from - 1) + 1;
    }

    /** lpad/rpad: truncate to len when longer; NULL for a negative length or an empty pad that is needed. */
    private static Object pad(Object[] args, boolean left) {
        String s = toStr(args[0]);
        Integer len = toInt(args[1]);
        String padding = toStr(args[2]);
        if (s == null || len == null || padding == null || len < 0) {
            return null;
        }
        if (len <= s.length()) {
            return s.substring(0, len);
        }
        if (padding.isEmpty()) {
            return null;
        }
        StringBuilder fill = new StringBuilder(len);
        int needed = len - s.length();
        while (fill.length() < needed) {
            fill.append(padding, 0, Math.min(padding.length(), needed - fill.length()));
        }
        return left ? fill.append(s).toString() : s + fill;
    }

    private static Object repeat(Object[] args) {
        String s = toStr(args[0]);
        Integer n = toInt(args[1]);
        if (s == null || n == null) {
            return null;
        }
        return n <= 0 ? "" : s.repeat(n);
    }

    private static Object space(Object[] args) {
        Integer n = toInt(args[0]);
        if (n == null) {
            return null;
        }
        return n <= 0 ? "" : " ".repeat(n);
    }

    private static Object ascii(Object[] args) {
        String s = toStr(args[0]);
        if (s == null) {
            return null;
        }
        return s.isEmpty() ? 0 : (int) (byte) s.charAt(0);
    }

    /** 1-based index of str in the comma-separated list; 0 if absent or str holds a comma. */
    private static Object findInSet(Object[] args) {
        String s = toStr(args[0]);
        String list = toStr(args[1]);
        if (s == null || list == null) {
            return null;
        }
        if (s.indexOf(',') >= 0) {
            return 0;
        }
        int index = 1;
        int start = 0;
        while (true) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? list.length() : comma;
            if (end - start == s.length() && list.startsWith(s, start)) {
                return index;
            }
            if (comma < 0) {
                return 0;
            }
            start = comma + 1;
            index++;
        }
    }

    private static Object replace(Object[] args) {
        String s = toStr(args[0]);
        String search = toStr(args[1]);
        String replacement = toStr(args[2]);
        if (s == null || search == null || replacement == null) {
            return null;
        }
        return search.isEmpty() ? s : s.replace(search, replacement);
    }

    /** Each character of from is replaced by the one at the same index in to, or removed if to is shorter. */
    private static Object translate(Object[] args) {
        String s = toStr(args[0]);
        String from = toStr(args[1]);
        String to = toStr(args[2]);
        if (s == null || from == null || to == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int at = from.indexOf(c);
            if (at < 0) {
                out.append(c);
            } else if (at < to.length()) {
                out.append(to.charAt(at));
            }
        }
        return out.toString();
    }

    /** The part before the count-th delimiter (count &gt; 0), or after the count-th from the end. */
    private static Object substringIndex(Object[] args) {
        String s = toStr(args[0]);
        String delim = toStr(args[1]);
        Integer count = toInt(args[2]);
        if (s == null || delim == null || count == null) {
            return null;
        }
        if (count == 0 || delim.isEmpty() || s.isEmpty()) {
            return "";
        }
        if (count > 0) {
            int at = s.indexOf(delim);
            for (int i = 1; i < count && at >= 0; i++) {
                at = s.indexOf(delim, at + delim.length());
            }
            return at < 0 ? s : s.substring(0, at);
        }
        int at = s.lastIndexOf(delim);
        for (int i = 1; i < -count && at >= 0; i++) {
            at = at == 0 ? -1 : s.lastIndexOf(delim, at - 1);
        }
        if (at < 0) {
            return s;
        }
        return s.substring(at + delim.length());
    }
}
