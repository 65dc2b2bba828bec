package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.UsageException;
import io.quarry.dfs.SeekableInputStream;

import org.apache.commons.cli.CommandLine;

/** {@code -tail [-f] <file>}: the last kilobyte; -f keeps printing what is appended. */
final class TailOp implements ShellOp {
    static final int TAIL_BYTES = 1024;
    private static final long FOLLOW_INTERVAL_MILLIS = 1000;

    @Override
    public List<String> names() {
        return List.of("-tail");
    }

    @Override
    public String usage() {
        return "-tail [-f] <file>";
    }

    @Override
    public String description() {
        return "Print the last kilobyte of a file. -f keeps printing data as the file grows, until interrupted.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws IOException, UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("f"), args);
        ShellArgs.requireExactly(line.getArgList(), 1, "one <file>");
        boolean follow = line.hasOption("f");
        shell.forEach(line.getArgList(), item -> {
            if (item.isDirectory()) {
                throw ShellError.isDirectory(item.display());
            }
            long offset = Math.max(0, item.status().length() - TAIL_BYTES);
            offset = printFrom(shell, item, offset);
            while (follow && !Thread.currentThread().isInterrupted()) {
                pause();
                offset = printFrom(shell, item, offset);
            }
        });
        return ShellArgs.exitCode(shell);
    }

    private static long printFrom(Shell shell, PathItem item, long offset) throws IOException {
        try (SeekableInputStream in = item.fs().openSeekable(item.path())) {
            if (in.length() <= offset) {
                return offset;
            }
            in.seek(offset);
            long copied = in.transferTo(shell.out());
            shell.out().flush();
            return offset + copied;
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(FOLLOW_INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
