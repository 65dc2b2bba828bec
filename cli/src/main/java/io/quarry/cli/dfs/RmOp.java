package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code -rm [-f] [-r|-R] [-skipTrash] <path> ...}. Quarry has no trash yet, so deletes are
 * immediate and -skipTrash is accepted for habit's sake.
 */
final class RmOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-rm");
    }

    @Override
    public String usage() {
        return "-rm [-f] [-r|-R] [-skipTrash] <path> ...";
    }

    @Override
    public String description() {
        return "Delete files. -r (or -R) deletes directories and everything under them, -f says nothing\n"
                + "about missing paths. Deletes are immediate (there is no trash); -skipTrash is accepted.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        Options options = ShellArgs.flags("f", "r", "R");
        options.addOption(Option.builder("skipTrash").build());
        CommandLine line = ShellArgs.parse(options, args);
        boolean force = line.hasOption("f");
        boolean recursive = line.hasOption("r") || line.hasOption("R");
        ShellArgs.requireAtLeast(line.getArgList(), 1, "<path>");
        for (String arg : line.getArgList()) {
            List<PathItem> items;
            try {
                items = shell.expand(arg);
            } catch (IOException e) {
                if (!force) {
                    shell.error(e, arg);
                }
                continue;
            }
            for (PathItem item : items) {
                try {
                    delete(shell, item, recursive);
                } catch (IOException e) {
                    shell.error(e, item.display());
                }
            }
        }
        return ShellArgs.exitCode(shell);
    }

    private static void delete(Shell shell, PathItem item, boolean recursive) throws IOException {
        if (item.isDirectory() && !recursive) {
            throw ShellError.isDirectory(item.display());
        }
        if (item.path().isRoot()) {
            throw new ShellError("`" + item.display() + "': Input/output error: refusing to delete the root directory");
        }
        if (!item.fs().delete(item.path(), recursive)) {
            throw ShellError.notFound(item.display());
        }
        shell.out().println("Deleted " + item.display());
    }
}
