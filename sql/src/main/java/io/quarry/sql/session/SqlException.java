package io.quarry.sql.session;

/**
 * A statement that failed: a syntax, validation or planning error (with its line and column when
 * known, else 0), a missing table or location, or a run-time failure naming the stage, task, input
 * and the original exception.
 */
public class SqlException extends Exception {
    private final int line;
    private final int column;

    public SqlException(String message) {
        this(message, 0, 0, null);
    }

    public SqlException(String message, Throwable cause) {
        this(message, 0, 0, cause);
    }

    public SqlException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the error in the statement, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the error in the statement, 0 when unknown. */
    public int column() {
        return column;
    }
}
