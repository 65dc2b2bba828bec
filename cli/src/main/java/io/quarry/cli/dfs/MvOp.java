package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;

/** {@code -mv <src> ... <dst>}: rename within one filesystem. */
final class MvOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-mv");
    }

    @Override
    public String usage() {
        return "-mv <src> ... <dst>";
    }

    @Override
    public String description() {
        return "Move (rename) files and directories within one filesystem. With several sources the\n"
                + "destination must be a directory. An existing destination file is not replaced.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws IOException, UsageException {
        List<String> rest = ShellArgs.parse(ShellArgs.flags(), args).getArgList();
        ShellArgs.requireAtLeast(rest, 2, "<src> ... <dst>");
        PathItem dst = shell.resolve(rest.get(rest.size() - 1));
        return SourcesToTarget.run(shell, rest, dst, MvOp::move);
    }

    private static void move(PathItem src, PathItem dst, boolean severalSources) throws IOException {
        if (!src.fs().uri().equals(dst.fs().uri())) {
            throw new ShellError("`" + src.display() + "': Does not match target filesystem");
        }
        PathItem target = Copier.target(dst, src.path().name(), severalSources);
        if (target.exists()) {
            throw ShellError.exists(target.display());
        }
        src.fs().rename(src.path(), target.path());
    }
}
