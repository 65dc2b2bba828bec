package io.quarry.cli.sql;

import io.quarry.sql.session.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines printed for a failed statement. A position the engine gives relative to the statement (after
 * variable substitution) is mapped back to the line and column of the script, the message's own
 * "line L, column C" is rewritten to match, and the script line is shown with a caret under the column.
 */
final class ErrorReport {
    private ErrorReport() {
    }

    /**
     * @param script     the whole script (file, -e text or interactive input)
     * @param source     its name for the user ("q.sql", "-e", "input")
     * @param piece      the statement as cut from the script
     * @param sent       the statement as sent, after substitution
     */
    static List<String> lines(SqlException e, String script, String source, StatementSplitter.Piece piece,
            VariableSubstitution.Result sent) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        List<String> lines = new ArrayList<>();
        if (e.line() <= 0) {
            lines.add(prefixed(message));
            return lines;
        }
        int sentOffset = offsetOf(sent.text(), e.line(), Math.max(1, e.column()));
        int scriptOffset = piece.offset() + sent.sourceOffset(sentOffset, piece.text().length());
        int[] lineColumn = lineColumn(script, scriptOffset);
        String where = "line " + lineColumn[0] + ", column " + lineColumn[1];
        Matcher matcher = Pattern.compile("(?i)line\\s+" + e.line() + ",\\s*column\\s+" + e.column() + "\\b").matcher(message);
        String mapped = matcher.find() ? matcher.replaceFirst(where) : where + ": " + message;
        lines.add(prefixed(mapped) + " (" + source + ")");
        String text = lineText(script, lineColumn[0]);
        if (!text.isBlank()) {
            lines.add("  " + text);
            lines.add("  " + " ".repeat(Math.min(lineColumn[1] - 1, text.length())) + "^");
        }
        return lines;
    }

    /** "Error: message", unless the message already starts with "Error". */
    private static String prefixed(String message) {
        return message.startsWith("Error ") || message.startsWith("Error:") ? message : "Error: " + message;
    }

    /** The offset of 1-based (line, column) in text, clamped to the text. */
    static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return text.length();
            }
            offset = newline + 1;
        }
        int lineEnd = text.indexOf('\n', offset);
        int end = lineEnd < 0 ? text.length() : lineEnd;
        return Math.min(offset + column - 1, end);
    }

    /** 1-based line and column of an offset. */
    static int[] lineColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static String lineText(String text, int line) {
        int start = offsetOf(text, line, 1);
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end).replace('\t', ' ');
    }
}
