package io.quarry.cli;

import java.io.InputStream;
import java.io.PrintStream;

import static java.util.Objects.requireNonNull;

/** The streams a command reads and writes; tests pass their own to capture output. */
public record CliIo(InputStream in, PrintStream out, PrintStream err) {
    public CliIo {
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
    }

    public static CliIo system() {
        return new CliIo(System.in, System.out, System.err);
    }
}
