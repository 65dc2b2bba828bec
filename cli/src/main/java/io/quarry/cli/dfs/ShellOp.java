package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;

/** One {@code quarry dfs -<op>}: its names, usage line, help text and behaviour. */
public interface ShellOp {
    /** {@code -ls}; aliases such as {@code -copyFromLocal} follow the main name. */
    List<String> names();

    /** {@code -ls [-R] [-h] [-d] [<path> ...]}. */
    String usage();

    /** A few lines for {@code -help}. */
    String description();

    /**
     * Runs with the arguments after the op name. Per-path failures go to {@link Shell#error}; the
     * exit code is 1 when any path failed.
     */
    int run(Shell shell, String name, List<String> args) throws IOException, UsageException;
}
