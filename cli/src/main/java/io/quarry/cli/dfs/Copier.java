package io.quarry.cli.dfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.quarry.dfs.FileStatus;

/**
 * Copies files and directory trees between any two filesystems (QFS and the local disk), for
 * {@code -cp}, {@code -put} and {@code -get}.
 */
final class Copier {
    private Copier() {
    }

    /**
     * Where a source lands: inside {@code dst} when it is a directory, else {@code dst} itself. Several
     * sources need a directory destination.
     */
    static PathItem target(PathItem dst, String sourceName, boolean severalSources) throws IOException {
        if (dst.isDirectory()) {
            PathItem child = dst.child(sourceName);
            return child.withStatus(Shell.statusOrNull(child.fs(), child.path()));
        }
        if (severalSources) {
            throw ShellError.notDirectory(dst.display());
        }
        return dst;
    }

    /** Several sources need an existing directory as destination; checked once, before anything moves. */
    static void requireDirectoryForSeveral(PathItem dst, int sources) throws ShellError {
        if (sources > 1 && !dst.isDirectory()) {
            throw dst.exists() ? ShellError.notDirectory(dst.display()) : ShellError.notFound(dst.display());
        }
    }

    static void copy(PathItem src, PathItem target, boolean overwrite) throws IOException {
        if (src.isDirectory()) {
            copyDirectory(src, target, overwrite);
            return;
        }
        if (target.exists()) {
            if (target.isDirectory()) {
                throw ShellError.isDirectory(target.display());
            }
            if (!overwrite) {
                throw ShellError.exists(target.display());
            }
        }
        try (InputStream in = src.fs().open(src.path())) {
            write(in, target, overwrite);
        }
    }

    /** Writes a stream to a file, replacing it when {@code overwrite}. */
    static void write(InputStream in, PathItem target, boolean overwrite) throws IOException {
        if (target.exists() && !overwrite) {
            throw ShellError.exists(target.display());
        }
        try (OutputStream out = target.fs().create(target.path(), overwrite)) {
            in.transferTo(out);
        }
    }

    private static void copyDirectory(PathItem src, PathItem target, boolean overwrite) throws IOException {
        if (src.fs().uri().equals(target.fs().uri()) && isUnder(target.path().path(), src.path().path())) {
            throw new ShellError("`" + target.display() + "': Cannot copy a directory into itself");
        }
        if (target.exists() && !target.isDirectory()) {
            throw ShellError.exists(target.display());
        }
        if (!target.exists()) {
            target.fs().mkdirs(target.path());
        }
        for (FileStatus child : src.fs().listStatus(src.path())) {
            PathItem childTarget = target.child(child.path().name());
            copy(src.child(child), childTarget.withStatus(Shell.statusOrNull(childTarget.fs(), childTarget.path())), overwrite);
        }
    }

    private static boolean isUnder(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor.endsWith("/") ? ancestor : ancestor + "/");
    }
}
