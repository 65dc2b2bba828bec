package io.quarry.cli.dfs;

import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

import static java.util.Objects.requireNonNull;

/**
 * A path named on the command line (or found under one), with the filesystem it lives in and the
 * text shown for it in output and errors: as the user wrote it, so {@code -ls logs} prints
 * {@code logs/a} and {@code -ls /logs} prints {@code /logs/a}.
 *
 * @param status null when the path does not exist
 */
public record PathItem(FileSystem fs, Path path, String display, FileStatus status) {
    public PathItem {
        requireNonNull(fs, "fs is null");
        requireNonNull(path, "path is null");
        requireNonNull(display, "display is null");
    }

    public boolean exists() {
        return status != null;
    }

    public boolean isDirectory() {
        return status != null && status.isDirectory();
    }

    /** The item for an entry found under this directory. */
    public PathItem child(FileStatus childStatus) {
        String name = childStatus.path().name();
        return new PathItem(fs, childStatus.path(), childDisplay(name), childStatus);
    }

    /** The item for a name under this directory, which may not exist yet. */
    public PathItem child(String name) {
        return new PathItem(fs, path.child(name), childDisplay(name), null);
    }

    public PathItem withStatus(FileStatus fresh) {
        return new PathItem(fs, path, display, fresh);
    }

    private String childDisplay(String name) {
        if (display.isEmpty() || display.equals(".")) {
            return name;
        }
        return display.endsWith("/") ? display + name : display + "/" + name;
    }
}
