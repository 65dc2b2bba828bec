package io.quarry.cli.dfs;

import java.io.InputStream;
import java.util.List;

import io.quarry.cli.UsageException;

/** {@code -cat <path> ...}: copy files to standard output. */
final class CatOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-cat");
    }

    @Override
    public String usage() {
        return "-cat <path> ...";
    }

    @Override
    public String description() {
        return "Copy the files to standard output.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        List<String> paths = ShellArgs.parse(ShellArgs.flags(), args).getArgList();
        ShellArgs.requireAtLeast(paths, 1, "<path>");
        shell.forEach(paths, item -> {
            if (item.isDirectory()) {
                throw ShellError.isDirectory(item.display());
            }
            try (InputStream in = item.fs().open(item.path())) {
                in.transferTo(shell.out());
            }
            shell.out().flush();
        });
        return ShellArgs.exitCode(shell);
    }
}
