package io.quarry.sql.ddl;

/** A statement that is not valid DDL; the message names the line, the column and the offending token. */
public final class DdlParseException extends RuntimeException {
    private final int line;
    private final int column;

    DdlParseException(int line, int column, String problem) {
        super("Syntax error at line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
