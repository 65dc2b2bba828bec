package io.quarry.cli.sql;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;

/** Lines from a stream (standard input that is not a terminal, or a test): no prompt, no history. */
final class StreamLineSource implements LineSource {
    private final BufferedReader reader;

    StreamLineSource(BufferedReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public String readLine(String prompt) throws IOException {
        return reader.readLine();
    }

    @Override
    public boolean terminal() {
        return false;
    }

    @Override
    public void close() {
        // The stream belongs to the caller.
    }
}
