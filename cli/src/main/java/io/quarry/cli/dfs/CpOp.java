package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.ArrayList;
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
        try {
            Copier.requireDirectoryForSeveral(dst, rest.size() - 1);
        } catch (ShellError e) {
            shell.error(e.getMessage());
            return ShellArgs.exitCode(shell);
        }
        List<PathItem> sources = new ArrayList<>();
        for (String arg : rest.subList(0, rest.size() - 1)) {
            try {
                sources.addAll(shell.expand(arg));
            } catch (IOException e) {
                shell.error(e, arg);
            }
        }
        for (PathItem src : sources) {
            try {
                Copier.copy(src, Copier.target(dst, src.path().name(), sources.size() > 1), overwrite);
            } catch (IOException e) {
                shell.error(e, src.display());
            }
        }
        return ShellArgs.exitCode(shell);
    }
}
