package io.quarry.cli.dfs;

import java.io.IOException;
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
        return SourcesToTarget.run(shell, rest, dst,
                (src, target, several) -> Copier.copy(src, Copier.target(target, src.path().name(), several), overwrite));
    }
}
