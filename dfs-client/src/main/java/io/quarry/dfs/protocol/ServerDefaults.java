package io.quarry.dfs.protocol;

/** The NameNode's defaults for new files, so clients without their own settings follow the cluster. */
public record ServerDefaults(long blockSize, short replication, int bytesPerChecksum, int writePacketSize) {
}
