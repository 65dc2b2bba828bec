package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;

import org.apache.commons.cli.CommandLine;

/** {@code -cp [-f] <src> ... <dst>}: copy files and directories, also between qfs:// and file://. */
final class CpOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-cp");
    }

    @Override
    public String usage() {
        return "-cp [-f] <src> ... <dst>";
    }

    @Override
    public String description() {
        return "Copy files and directories. With several sources the destination must be a directory.\n"
                + "-f overwrites existing files.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws IOException, UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("f"), args);
        List<String> rest = line.getArgList();
        ShellArgs.requireAtLeast(rest, 2, "<src> ... <dst>");
        boolean overwrite = line.hasOption("f");
        PathItem dst = shell.resolve(rest.get(rest.size() - 1));
        return SourcesToTarget.run(shell, rest, dst,
                (src, target, several) -> Copier.copy(src, Copier.target(target, src.path().name(), several), overwrite));
    }
}
