package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.quarry.cli.UsageException;

import org.apache.commons.cli.CommandLine;

/** {@code -get [-f] <src> ... <localdst>} and {@code -copyToLocal}. */
final class GetOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-get", "-copyToLocal");
    }

    @Override
    public String usage() {
        return "-get [-f] <src> ... <localdst>";
    }

    @Override
    public String description() {
        return "Copy files and directories to the local disk. -f overwrites existing local files.\n"
                + "Also -copyToLocal.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws IOException, UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("f"), args);
        List<String> rest = line.getArgList();
        ShellArgs.requireAtLeast(rest, 2, "<src> ... <localdst>");
        boolean overwrite = line.hasOption("f");
        PathItem dst = shell.resolveLocal(rest.get(rest.size() - 1));
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
