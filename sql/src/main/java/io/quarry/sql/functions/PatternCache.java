package io.quarry.sql.functions;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The compiled form of the last regex seen: a constant pattern argument is compiled once per instance. */
final class PatternCache {
    private final String function;
    private String lastRegex;
    private Pattern lastPattern;

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
        }
        return lastPattern;
    }
}
