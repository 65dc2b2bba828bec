package io.quarry.sql.functions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The compiled form of the last regex seen: a constant pattern argument is compiled once per instance. */
final class PatternCache {
    private final String function;
    private String lastRegex;
    private Pattern lastPattern;
    private Matcher matcher;

    PatternCache(String function) {
        this.function = function;
    }

    Pattern get(String regex) {
        if (lastPattern == null || !regex.equals(lastRegex)) {
            try {
                lastPattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(function + ": invalid regular expression '" + regex + "': "
                        + e.getDescription() + " near index " + e.getIndex(), e);
            }
            lastRegex = regex;
            matcher = null;
        }
        return lastPattern;
    }

    /** A matcher of the regex over {@code input}, reused from call to call (one thread per instance). */
    Matcher matcher(String regex, CharSequence input) {
        Pattern pattern = get(regex);
        if (matcher == null) {
            matcher = pattern.matcher(input);
        } else {
            matcher.reset(input);
        }
        return matcher;
    }
}
