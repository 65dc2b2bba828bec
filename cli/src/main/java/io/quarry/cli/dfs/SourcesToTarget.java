package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <src> ... <dst>} shape shared by {@code -cp}, {@code -mv} and {@code -get}: with
 * several sources the destination must be a directory; every source pattern is expanded; each
 * source is handled on its own and its failure reported without stopping the others.
 */
final class SourcesToTarget {
    /** Acts on one expanded source. */
    @FunctionalInterface
    interface Action {
        void apply(PathItem source, PathItem destination, boolean severalSources) throws IOException;
    }

    private SourcesToTarget() {
    }

    /** {@code operands} are the sources followed by the destination, already resolved as {@code destination}. */
    static int run(Shell shell, List<String> operands, PathItem destination, Action action) throws IOException {
        try {
            Copier.requireDirectoryForSeveral(destination, operands.size() - 1);
        } catch (ShellError e) {
            shell.error(e.getMessage());
            return ShellArgs.exitCode(shell);
        }
        List<PathItem> sources = new ArrayList<>();
        for (String arg : operands.subList(0, operands.size() - 1)) {
            try {
                sources.addAll(shell.expand(arg));
            } catch (IOException e) {
                shell.error(e, arg);
            }
        }
        for (PathItem source : sources) {
            try {
                action.apply(source, destination, sources.size() > 1);
            } catch (IOException e) {
                shell.error(e, source.display());
            }
        }
        return ShellArgs.exitCode(shell);
    }
}
