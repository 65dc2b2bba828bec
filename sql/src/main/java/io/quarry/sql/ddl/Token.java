package io.quarry.sql.ddl;

/**
 * One token of a statement, with its 1-based line and column. For a WORD {@code text} is the word
 * as written; for a QUOTED identifier the name without back-ticks; for a STRING the unescaped value.
 */
record Token(Kind kind, String text, int line, int column) {
    enum Kind {
        WORD, QUOTED, STRING, NUMBER, SYMBOL, END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    /** How an error message shows this token. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case STRING -> "string '" + text + "'";
            case QUOTED -> "`" + text + "`";
            default -> "'" + text + "'";
        };
    }
}
