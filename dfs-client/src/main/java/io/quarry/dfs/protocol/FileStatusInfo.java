package io.quarry.dfs.protocol;

import static java.util.Objects.requireNonNull;

/**
 * The wire form of a file or directory's status. {@code permission} holds the nine rwx bits
 * (plus sticky) as in {@code 0755}.
 */
public record FileStatusInfo(String path, long fileId, boolean directory, long length, short replication, long blockSize,
                             long modificationTime, long accessTime, String owner, String group, short permission) {
    public FileStatusInfo {
        requireNonNull(path, "path is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(group, "group is null");
    }
}
