package io.quarry.sql.ddl;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into tokens, skipping blanks and {@code --} and {@code /* *}{@code /} comments. */
final class DdlLexer {
    private final String sql;
    private int pos;
    private int line = 1;
    private int lineStart;

    private DdlLexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) {
        DdlLexer lexer = new DdlLexer(sql);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        skipBlanksAndComments();
        int line = this.line;
        int column = pos - lineStart + 1;
        if (pos >= sql.length()) {
            return new Token(Token.Kind.END, "", line, column);
        }
        char c = sql.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Kind.WORD, sql.substring(start, pos), line, column);
        }
        if (Character.isDigit(c)) {
            int start = pos;
            while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Token.Kind.NUMBER, sql.substring(start, pos), line, column);
        }
        if (c == '\'' || c == '"') {
            return new Token(Token.Kind.STRING, HiveStrings.unescape(quoted(c, true, line, column)), line, column);
        }
        if (c == '`') {
            return new Token(Token.Kind.QUOTED, quoted('`', false, line, column).replace("``", "`"), line, column);
        }
        pos++;
        return new Token(Token.Kind.SYMBOL, String.valueOf(c), line, column);
    }

    /** The raw text between {@code quote} and its match; a backslash escapes the next character if {@code backslash}. */
    private String quoted(char quote, boolean backslash, int line, int column) {
        int start = ++pos;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslash && c == '\\') {
                pos += 2;
                continue;
            }
            if (c == quote) {
                if (!backslash && pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    pos += 2;
                    continue;
                }
                return sql.substring(start, pos++);
            }
            if (c == '\n') {
                this.line++;
                lineStart = pos + 1;
            }
            pos++;
        }
        throw new DdlParseException(line, column, "unterminated " + (quote == '`' ? "quoted identifier" : "string")
                + " starting with " + quote);
    }

    private void skipBlanksAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = ++pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                int stop = end < 0 ? sql.length() : end + 2;
                while (pos < stop) {
                    if (sql.charAt(pos++) == '\n') {
                        line++;
                        lineStart = pos;
                    }
                }
            } else {
                return;
            }
        }
    }
}
