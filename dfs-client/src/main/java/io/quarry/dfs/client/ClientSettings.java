package io.quarry.dfs.client;

import java.time.Duration;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.Permissions;

/**
 * The QFS client's settings, read once from the configuration. Zero {@code replication} or
 * {@code blockSize} means "ask the NameNode's server defaults". {@code syncOnClose}: whether the
 * client asks every pipeline node to fsync a block before acknowledging its last packet.
 * {@code shortCircuitReads}: whether replicas on this host are read from their files.
 * {@code readReceiveBuffer}: fixed receive buffer of socket reads, 0 for the kernel's autotuning.
 */
public record ClientSettings(short replication, long blockSize, int bytesPerChecksum, int packetSize, int maxPacketsInFlight,
                             Duration socketTimeout, int blockWriteRetries, int maxBlockAcquireFailures, short umask,
                             Duration leaseRenewInterval, boolean syncOnClose, boolean shortCircuitReads, int readReceiveBuffer) {
    public ClientSettings {
        if (bytesPerChecksum <= 0) {
            throw new IllegalArgumentException("dfs.bytes-per-checksum must be positive, got " + bytesPerChecksum);
        }
        if (packetSize < bytesPerChecksum) {
            throw new IllegalArgumentException("dfs.client-write-packet-size (" + packetSize
                    + ") must be at least dfs.bytes-per-checksum (" + bytesPerChecksum + ")");
        }
        if (maxPacketsInFlight <= 0) {
            throw new IllegalArgumentException("quarry.client.write.max-packets-in-flight must be positive, got " + maxPacketsInFlight);
        }
    }

    public static ClientSettings from(Configuration conf) {
        int bytesPerChecksum = conf.getInt(DfsConfigKeys.BYTES_PER_CHECKSUM);
        long packet = conf.getSize(DfsConfigKeys.CLIENT_WRITE_PACKET_SIZE);
        int packetSize = (int) Math.max(bytesPerChecksum, Math.min(packet, 4L << 20) / bytesPerChecksum * bytesPerChecksum);
        Duration softLimit = conf.getDuration(DfsConfigKeys.LEASE_SOFT_LIMIT);
        return new ClientSettings(
                conf.isSet(DfsConfigKeys.REPLICATION) ? (short) conf.getInt(DfsConfigKeys.REPLICATION) : 0,
                conf.isSet(DfsConfigKeys.BLOCK_SIZE) ? conf.getSize(DfsConfigKeys.BLOCK_SIZE) : 0,
                bytesPerChecksum,
                packetSize,
                conf.getInt(DfsConfigKeys.CLIENT_WRITE_WINDOW),
                conf.getDuration(DfsConfigKeys.CLIENT_SOCKET_TIMEOUT),
                Math.max(1, conf.getInt(DfsConfigKeys.CLIENT_BLOCK_WRITE_RETRIES)),
                Math.max(1, conf.getInt(DfsConfigKeys.CLIENT_MAX_BLOCK_ACQUIRE_FAILURES)),
                Permissions.parseOctal(conf.getString(DfsConfigKeys.UMASK)),
                softLimit.dividedBy(2).isZero() ? Duration.ofMillis(1) : softLimit.dividedBy(2),
                conf.getBoolean(DfsConfigKeys.DATANODE_SYNC_ON_CLOSE),
                conf.getBoolean(DfsConfigKeys.CLIENT_READ_SHORTCIRCUIT),
                (int) Math.min(Integer.MAX_VALUE, conf.getSize(DfsConfigKeys.CLIENT_READ_RECEIVE_BUFFER)));
    }
}
