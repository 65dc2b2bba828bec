package io.quarry.cli.dfs;

import java.util.List;

import io.quarry.cli.UsageException;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code -rmdir [--ignore-fail-on-non-empty] <dir> ...}: delete empty directories. */
final class RmdirOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-rmdir");
    }

    @Override
    public String usage() {
        return "-rmdir [--ignore-fail-on-non-empty] <dir> ...";
    }

    @Override
    public String description() {
        return "Delete empty directories. --ignore-fail-on-non-empty skips non-empty ones silently.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("ignore-fail-on-non-empty").build());
        CommandLine line = ShellArgs.parse(options, args);
        boolean ignoreNonEmpty = line.hasOption("ignore-fail-on-non-empty");
        ShellArgs.requireAtLeast(line.getArgList(), 1, "<dir>");
        shell.forEach(line.getArgList(), item -> {
            if (!item.isDirectory()) {
                throw ShellError.notDirectory(item.display());
            }
            if (!item.fs().listStatus(item.path()).isEmpty()) {
                if (ignoreNonEmpty) {
                    return;
                }
                throw ShellError.notEmpty(item.display());
            }
            item.fs().delete(item.path(), false);
        });
        return ShellArgs.exitCode(shell);
    }
}
