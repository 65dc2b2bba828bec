package io.quarry.cli.sql;

import java.io.IOException;

/** Where the interactive shell reads its lines: a terminal with line editing, or a plain stream. */
interface LineSource extends AutoCloseable {
    /** The next line, or null at the end of input. @throws Interrupted when the user pressed Ctrl-C */
    String readLine(String prompt) throws IOException;

    /** Whether progress may rewrite a line in place (a terminal). */
    boolean terminal();

    @Override
    void close() throws IOException;

    /** The user interrupted the line being typed: the statement so far is dropped. */
    final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }
}
