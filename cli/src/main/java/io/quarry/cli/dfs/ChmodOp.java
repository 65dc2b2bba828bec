package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.FileStatus;

import org.apache.commons.cli.CommandLine;

/** {@code -chmod [-R] <mode> <path> ...} with octal or symbolic modes. */
final class ChmodOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-chmod");
    }

    @Override
    public String usage() {
        return "-chmod [-R] <MODE[,MODE]... | OCTALMODE> <path> ...";
    }

    @Override
    public String description() {
        return "Change the mode of files and directories: octal (755, 1777) or symbolic like chmod(1)\n"
                + "(u+x, go-w, a=r, +t, a+X). -R applies it to everything under directories. Only the owner\n"
                + "or a superuser may change a mode.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("R"), args);
        List<String> rest = line.getArgList();
        ShellArgs.requireAtLeast(rest, 2, "<mode> <path> ...");
        ModeSpec mode;
        try {
            mode = ModeSpec.parse(rest.get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean recursive = line.hasOption("R");
        shell.forEach(rest.subList(1, rest.size()), item -> apply(shell, item, mode, recursive));
        return ShellArgs.exitCode(shell);
    }

    private static void apply(Shell shell, PathItem item, ModeSpec mode, boolean recursive) throws IOException {
        FileStatus status = item.status();
        item.fs().setPermission(item.path(), mode.apply(status.permission(), status.isDirectory()));
        if (recursive && status.isDirectory()) {
            for (FileStatus child : item.fs().listStatus(item.path())) {
                PathItem childItem = item.child(child);
                try {
                    apply(shell, childItem, mode, true);
                } catch (IOException e) {
                    shell.error(e, childItem.display());
                }
            }
        }
    }
}
