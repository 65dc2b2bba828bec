package io.quarry.dfs.protocol.client;

/**
 * Creates a file open for writing under a lease held by {@code clientName}. Answered with
 * {@link FileStatusReply}. Fails with FILE_ALREADY_EXISTS unless {@code overwrite}, and with
 * LEASE_CONFLICT when another client is writing the file.
 */
public record Create(String path, short permission, String clientName, boolean overwrite, boolean createParent,
                     short replication, long blockSize) {
}
