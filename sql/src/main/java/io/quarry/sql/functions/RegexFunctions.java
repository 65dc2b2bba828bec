package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.NUMBER;
import static io.quarry.sql.functions.ArgKind.STRING;
import static io.quarry.sql.functions.HiveValues.toInt;
import static io.quarry.sql.functions.HiveValues.toStr;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;

/**
 * Hive's functions over Java regular expressions: regexp_extract, regexp_replace, rlike (also the infix
 * {@code s [NOT] RLIKE re} the parser builds with Calcite's operators), split.
 */
final class RegexFunctions {
    private RegexFunctions() {
    }

    static List<HiveFunction> all() {
        SqlFunctionCategory category = SqlFunctionCategory.STRING;
        return List.of(
                HiveFunction.of("REGEXP_EXTRACT", category, HiveReturnTypes.STRING,
                        HiveSignature.withOptional(List.of(STRING, STRING), NUMBER), Extract::new),
                HiveFunction.of("REGEXP_REPLACE", category, HiveReturnTypes.STRING,
                        HiveSignature.of(STRING, STRING, STRING), Replace::new),
                HiveFunction.of("RLIKE", category, HiveReturnTypes.BOOLEAN,
                        HiveSignature.of(STRING, STRING), () -> new Like("rlike")),
                HiveFunction.of("REGEXP", category, HiveReturnTypes.BOOLEAN,
                        HiveSignature.of(STRING, STRING), () -> new Like("regexp")),
                new HiveFunction(SqlLibraryOperators.NOT_RLIKE, () -> {
                    Like like = new Like("not rlike");
                    return args -> {
                        Object matches = like.apply(args);
                        return matches == null ? null : !(Boolean) matches;
                    };
                }, false),
                HiveFunction.of("SPLIT", category, HiveReturnTypes.STRING_ARRAY,
                        HiveSignature.of(STRING, STRING), Split::new));
    }

    /**
     * regexp_extract(s, re[, group = 1]): the group of the first match (searching, not anchored), '' when
     * nothing matches, NULL when s, re or the group is NULL or the group did not take part in the match.
     */
    static final class Extract implements ScalarFunction {
        private final PatternCache patterns = new PatternCache("regexp_extract");

        @Override
        public Object apply(Object[] args) {
            String s = toStr(args[0]);
            String regex = toStr(args[1]);
            Integer group = args.length > 2 ? toInt(args[2]) : Integer.valueOf(1);
            if (s == null || regex == null || group == null) {
                return null;
            }
            Matcher matcher = patterns.matcher(regex, s);
            if (group < 0 || group > matcher.groupCount()) {
                throw new IllegalArgumentException("regexp_extract: group " + group + " does not exist in '"
                        + regex + "' (it has " + matcher.groupCount() + " group(s))");
            }
            return matcher.find() ? matcher.group(group) : "";
        }
    }

    /** regexp_replace(s, re, replacement): every match replaced; $n in the replacement names a group. */
    static final class Replace implements ScalarFunction {
        private final PatternCache patterns = new PatternCache("regexp_replace");

        @Override
        public Object apply(Object[] args) {
            String s = toStr(args[0]);
            String regex = toStr(args[1]);
            String replacement = toStr(args[2]);
            if (s == null || regex == null || replacement == null) {
                return null;
            }
            try {
                return patterns.matcher(regex, s).replaceAll(replacement);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("regexp_replace: bad replacement '" + replacement + "' for '"
                        + regex + "': " + e.getMessage(), e);
            }
        }
    }

    /** s RLIKE re: whether re matches anywhere in s. */
    static final class Like implements ScalarFunction {
        private final PatternCache patterns;

        Like(String name) {
            patterns = new PatternCache(name);
        }

        @Override
        public Object apply(Object[] args) {
            String s = toStr(args[0]);
            String regex = toStr(args[1]);
            if (s == null || regex == null) {
                return null;
            }
            return patterns.matcher(regex, s).find();
        }
    }

    /** split(s, re): the pieces between matches, trailing empty pieces kept (Hive's limit of -1). */
    static final class Split implements ScalarFunction {
        private final PatternCache patterns = new PatternCache("split");

        @Override
        public Object apply(Object[] args) {
            String s = toStr(args[0]);
            String regex = toStr(args[1]);
            if (s == null || regex == null) {
                return null;
            }
            return Arrays.asList(patterns.get(regex).split(s, -1));
        }
    }
}
