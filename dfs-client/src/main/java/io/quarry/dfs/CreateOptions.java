package io.quarry.dfs;

/**
 * How to create a file. Zero for {@code replication} or {@code blockSize} means the filesystem's
 * default (from configuration or the NameNode).
 */
public record CreateOptions(boolean overwrite, short replication, long blockSize, short permission, boolean createParent) {
    public static CreateOptions defaults() {
        return new CreateOptions(false, (short) 0, 0, Permissions.DEFAULT_FILE, true);
    }

    public CreateOptions withOverwrite(boolean value) {
        return new CreateOptions(value, replication, blockSize, permission, createParent);
    }

    public CreateOptions withReplication(short value) {
        return new CreateOptions(overwrite, value, blockSize, permission, createParent);
    }

    public CreateOptions withBlockSize(long value) {
        return new CreateOptions(overwrite, replication, value, permission, createParent);
    }

    public CreateOptions withPermission(short value) {
        return new CreateOptions(overwrite, replication, blockSize, value, createParent);
    }

    public CreateOptions withCreateParent(boolean value) {
        return new CreateOptions(overwrite, replication, blockSize, permission, value);
    }
}
