package io.quarry.cli.dfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import io.quarry.cli.UsageException;

/** {@code -touchz <path> ...}: create empty files; an existing non-empty file is an error. */
final class TouchzOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-touchz");
    }

    @Override
    public String usage() {
        return "-touchz <path> ...";
    }

    @Override
    public String description() {
        return "Create zero-length files. Fails on a directory or on a file that is not empty.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        List<String> paths = ShellArgs.parse(ShellArgs.flags(), args).getArgList();
        ShellArgs.requireAtLeast(paths, 1, "<path>");
        for (String arg : paths) {
            try {
                touch(shell.resolve(arg));
            } catch (IOException e) {
                shell.error(e, arg);
            }
        }
        return ShellArgs.exitCode(shell);
    }

    private static void touch(PathItem item) throws IOException {
        if (item.isDirectory()) {
            throw ShellError.isDirectory(item.display());
        }
        if (item.exists() && item.status().length() != 0) {
            throw new ShellError("`" + item.display() + "': Not a zero-length file");
        }
        if (!item.exists()) {
            try (OutputStream out = item.fs().create(item.path(), false)) {
                out.flush();
            }
        }
    }
}
