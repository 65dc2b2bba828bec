package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.quarry.cli.UsageException;

import org.apache.commons.cli.CommandLine;

/** {@code -put [-f] <localsrc> ... <dst>} and {@code -copyFromLocal}; {@code -} reads standard input. */
final class PutOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-put", "-copyFromLocal");
    }

    @Override
    public String usage() {
        return "-put [-f] <localsrc> ... <dst>";
    }

    @Override
    public String description() {
        return "Copy local files and directories into the filesystem. '-' as the only source copies\n"
                + "standard input to <dst>. -f overwrites existing files. Also -copyFromLocal.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws IOException, UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("f"), args);
        List<String> rest = line.getArgList();
        ShellArgs.requireAtLeast(rest, 2, "<localsrc> ... <dst>");
        boolean overwrite = line.hasOption("f");
        List<String> sourceArgs = rest.subList(0, rest.size() - 1);
        PathItem dst = shell.resolve(rest.get(rest.size() - 1));
        if (sourceArgs.equals(List.of("-"))) {
            try {
                if (dst.isDirectory()) {
                    throw ShellError.isDirectory(dst.display());
                }
                Copier.write(shell.context().io().in(), dst, overwrite);
            } catch (IOException e) {
                shell.error(e, dst.display());
            }
            return ShellArgs.exitCode(shell);
        }
        try {
            Copier.requireDirectoryForSeveral(dst, sourceArgs.size());
        } catch (ShellError e) {
            shell.error(e.getMessage());
            return ShellArgs.exitCode(shell);
        }
        List<PathItem> sources = new ArrayList<>();
        for (String arg : sourceArgs) {
            try {
                PathItem src = shell.resolveLocal(arg);
                if (!src.exists()) {
                    throw ShellError.notFound(arg);
                }
                sources.add(src);
            } catch (IOException e) {
                shell.error(e, arg);
            }
        }
        for (PathItem src : sources) {
            try {
                Copier.copy(src, Copier.target(dst, src.path().name(), sourceArgs.size() > 1), overwrite);
            } catch (IOException e) {
                shell.error(e, src.display());
            }
        }
        return ShellArgs.exitCode(shell);
    }
}
