package io.quarry.cli.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a script into statements at each {@code ;} that is outside a string literal ('…' or "…", where a
 * backslash escapes the next character, as in HiveQL), a back-quoted identifier and a {@code --} comment.
 * Each statement starts at its first character that is neither blank nor in a leading comment, and keeps its
 * offset in the script so that positions can be mapped back.
 */
final class StatementSplitter {
    /** One statement: its text (without the {@code ;}) and the offset of its first character in the script. */
    record Piece(String text, int offset) {
        Piece {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * The statements of a script: {@code complete} ended with {@code ;}; {@code rest} is the text after the
     * last {@code ;} (null when it holds nothing but blanks and comments).
     */
    record Split(List<Piece> complete, Piece rest) {
        Split {
            complete = List.copyOf(complete);
        }
    }

    private StatementSplitter() {
    }

    static Split split(String script) {
        List<Piece> complete = new ArrayList<>();
        int start = 0;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (comment) {
                comment = c != '\n';
            } else if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                comment = true;
                i++;
            } else if (c == ';') {
                Piece piece = piece(script, start, i);
                if (piece != null) {
                    complete.add(piece);
                }
                start = i + 1;
            }
        }
        return new Split(complete, piece(script, start, script.length()));
    }

    /** Every statement, the last one also without a closing {@code ;} (as Hive's -e and -f read them). */
    static List<Piece> all(String script) {
        Split split = split(script);
        List<Piece> all = new ArrayList<>(split.complete());
        if (split.rest() != null) {
            all.add(split.rest());
        }
        return all;
    }

    /** script[from, to) without leading blanks and comments and trailing blanks; null if nothing is left. */
    private static Piece piece(String script, int from, int to) {
        int start = from;
        while (start < to) {
            char c = script.charAt(start);
            if (Character.isWhitespace(c)) {
                start++;
            } else if (c == '-' && start + 1 < to && script.charAt(start + 1) == '-') {
                int newline = script.indexOf('\n', start);
                start = newline < 0 || newline >= to ? to : newline + 1;
            } else {
                break;
            }
        }
        int end = to;
        while (end > start && Character.isWhitespace(script.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : new Piece(script.substring(start, end), start);
    }
}
