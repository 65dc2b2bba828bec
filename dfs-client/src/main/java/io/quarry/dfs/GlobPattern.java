package io.quarry.dfs;

import java.util.regex.Pattern;

/** Translates one glob path component into a regular expression. */
final class GlobPattern {
    private GlobPattern() {
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder(glob.length() * 2);
        int braceDepth = 0;
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                if (i + 1 >= glob.length()) {
                    throw new IllegalArgumentException("Glob '" + glob + "' ends with an escape character");
                }
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    regex.append(']');
                } else if (c == '^' || c == '[' || c == '&') {
                    regex.append('\\').append(c);
                } else {
                    regex.append(c);
                }
                continue;
            }
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    inClass = true;
                    regex.append('[');
                    if (i + 1 < glob.length() && (glob.charAt(i + 1) == '!' || glob.charAt(i + 1) == '^')) {
                        regex.append('^');
                        i++;
                    }
                }
                case '{' -> {
                    braceDepth++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braceDepth == 0) {
                        regex.append("\\}");
                    } else {
                        braceDepth--;
                        regex.append(')');
                    }
                }
                case ',' -> regex.append(braceDepth > 0 ? "|" : ",");
                default -> {
                    if ("\\.^$+()|".indexOf(c) >= 0) {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
        }
        if (inClass) {
            throw new IllegalArgumentException("Glob '" + glob + "' has an unclosed character class '['");
        }
        if (braceDepth != 0) {
            throw new IllegalArgumentException("Glob '" + glob + "' has an unclosed '{'");
        }
        return Pattern.compile(regex.toString());
    }
}
