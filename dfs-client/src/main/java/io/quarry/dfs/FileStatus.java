package io.quarry.dfs;

import static java.util.Objects.requireNonNull;

/** What a filesystem knows of a file or directory. {@code permission} holds mode bits such as {@code 0644}. */
public record FileStatus(Path path, boolean directory, long length, short replication, long blockSize,
                         long modificationTime, long accessTime, String owner, String group, short permission) {
    public FileStatus {
        requireNonNull(path, "path is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(group, "group is null");
    }

    public boolean isFile() {
        return !directory;
    }

    public boolean isDirectory() {
        return directory;
    }
}
