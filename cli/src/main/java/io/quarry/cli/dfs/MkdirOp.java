package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.Path;

import org.apache.commons.cli.CommandLine;

/** {@code -mkdir [-p] <path> ...}. Without -p an existing path or a missing parent is an error. */
final class MkdirOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-mkdir");
    }

    @Override
    public String usage() {
        return "-mkdir [-p] <path> ...";
    }

    @Override
    public String description() {
        return "Create directories. -p creates missing parents and does not fail when the directory exists.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("p"), args);
        ShellArgs.requireAtLeast(line.getArgList(), 1, "<path>");
        boolean parents = line.hasOption("p");
        for (String arg : line.getArgList()) {
            try {
                mkdir(shell.resolve(arg), parents);
            } catch (IOException e) {
                shell.error(e, arg);
            }
        }
        return ShellArgs.exitCode(shell);
    }

    private static void mkdir(PathItem item, boolean parents) throws IOException {
        if (item.exists()) {
            if (!item.isDirectory()) {
                throw ShellError.notDirectory(item.display());
            }
            if (!parents) {
                throw ShellError.exists(item.display());
            }
            return;
        }
        if (!parents) {
            Path parent = item.path().parent();
            FileStatus parentStatus = parent == null ? null : Shell.statusOrNull(item.fs(), parent);
            if (parent != null && parentStatus == null) {
                throw ShellError.notFound(item.display());
            }
            if (parentStatus != null && !parentStatus.isDirectory()) {
                throw ShellError.notDirectory(item.display());
            }
        }
        if (!item.fs().mkdirs(item.path())) {
            throw new ShellError("`" + item.display() + "': Could not create directory");
        }
    }
}
