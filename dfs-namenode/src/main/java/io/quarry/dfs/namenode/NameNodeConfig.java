package io.quarry.dfs.namenode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.DfsConfigKeys;

/** The NameNode's settings, read once at startup; defaults live in {@link DfsConfigKeys}. */
public record NameNodeConfig(HostAndPort rpcAddress, HostAndPort rpcBindAddress, HostAndPort httpAddress, Path nameDir,
                             Duration heartbeatInterval, Duration deadAfter, Duration redundancyInterval, int maxStreams,
                             int minReplication, int maxReplication, short defaultReplication, long blockSize,
                             int bytesPerChecksum, int writePacketSize, double safeModeThreshold, Duration safeModeExtension,
                             int safeModeMinDatanodes, Duration checkpointPeriod, long checkpointTxns, int checkpointsRetained,
                             int journalMaxBatch, Duration leaseSoftLimit, Duration leaseHardLimit, boolean permissionsEnabled,
                             String superuserGroup, String topologyFile, String clusterId, String superuser, Duration monitorInterval,
                             boolean journalSync) {

    public static NameNodeConfig from(Configuration conf) {
        HostAndPort rpc = rpcAddress(conf);
        String bindHost = conf.getString(DfsConfigKeys.NAMENODE_RPC_BIND_HOST);
        HostAndPort bind = bindHost == null || bindHost.isBlank() ? rpc : new HostAndPort(bindHost, rpc.port());
        Duration heartbeat = conf.getDuration(DfsConfigKeys.HEARTBEAT_INTERVAL);
        Duration recheck = conf.getDuration(DfsConfigKeys.HEARTBEAT_RECHECK_INTERVAL);
        String user = CommonConfigKeys.currentUser(conf);
        return new NameNodeConfig(rpc, bind, HostAndPort.parse(conf.getString(DfsConfigKeys.NAMENODE_HTTP_ADDRESS)),
                nameDir(conf, user), heartbeat, recheck.multipliedBy(2).plus(heartbeat.multipliedBy(10)),
                conf.getDuration(DfsConfigKeys.REDUNDANCY_INTERVAL), positive(conf, DfsConfigKeys.REPLICATION_MAX_STREAMS.name(),
                conf.getInt(DfsConfigKeys.REPLICATION_MAX_STREAMS)),
                positive(conf, DfsConfigKeys.MIN_REPLICATION.name(), conf.getInt(DfsConfigKeys.MIN_REPLICATION)),
                conf.getInt(DfsConfigKeys.MAX_REPLICATION), (short) conf.getInt(DfsConfigKeys.REPLICATION),
                conf.getSize(DfsConfigKeys.BLOCK_SIZE), conf.getInt(DfsConfigKeys.BYTES_PER_CHECKSUM),
                Math.toIntExact(conf.getSize(DfsConfigKeys.CLIENT_WRITE_PACKET_SIZE)),
                conf.getDouble(DfsConfigKeys.SAFEMODE_THRESHOLD), conf.getDuration(DfsConfigKeys.SAFEMODE_EXTENSION),
                conf.getInt(DfsConfigKeys.SAFEMODE_MIN_DATANODES), conf.getDuration(DfsConfigKeys.CHECKPOINT_PERIOD),
                conf.getLong(DfsConfigKeys.CHECKPOINT_TXNS), conf.getInt(DfsConfigKeys.CHECKPOINTS_RETAINED),
                positive(conf, DfsConfigKeys.JOURNAL_MAX_BATCH.name(), conf.getInt(DfsConfigKeys.JOURNAL_MAX_BATCH)),
                conf.getDuration(DfsConfigKeys.LEASE_SOFT_LIMIT), conf.getDuration(DfsConfigKeys.LEASE_HARD_LIMIT),
                conf.getBoolean(DfsConfigKeys.PERMISSIONS_ENABLED), conf.getString(DfsConfigKeys.SUPERUSER_GROUP),
                conf.getString(DfsConfigKeys.TOPOLOGY_TABLE), conf.getString(DfsConfigKeys.CLUSTER_ID), user,
                conf.getDuration(NameNodeConfigKeys.MONITOR_INTERVAL), conf.getBoolean(NameNodeConfigKeys.JOURNAL_SYNC));
    }

    private static int positive(Configuration conf, String key, int value) {
        if (value < 1) {
            throw new ConfigException(key + " = " + value + ": must be at least 1");
        }
        return value;
    }

    static HostAndPort rpcAddress(Configuration conf) {
        String explicit = conf.getString(DfsConfigKeys.NAMENODE_RPC_ADDRESS);
        if (explicit != null && !explicit.isBlank()) {
            return HostAndPort.parse(explicit);
        }
        String defaultFs = conf.getString(DfsConfigKeys.DEFAULT_FS);
        try {
            URI uri = URI.create(defaultFs);
            if ("qfs".equals(uri.getScheme()) && uri.getHost() != null) {
                return new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 8020 : uri.getPort());
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(DfsConfigKeys.DEFAULT_FS.name() + " = " + defaultFs + ": not a URI (" + e.getMessage() + ")");
        }
        return new HostAndPort("127.0.0.1", 8020);
    }

    static Path nameDir(Configuration conf, String user) {
        String dir = conf.getString(DfsConfigKeys.NAMENODE_NAME_DIR);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String tmp = conf.getString(DfsConfigKeys.TMP_DIR);
        Path base = tmp != null && !tmp.isBlank() ? Path.of(tmp) : Path.of(System.getProperty("java.io.tmpdir"), "quarry-" + user);
        return base.resolve("dfs").resolve("name");
    }
}
