package io.quarry.dfs;

import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;

/**
 * Keys of the filesystem: client, NameNode and DataNode. Hadoop's names where the concept is the
 * same, with Hadoop's units for bare numbers, so existing habits and site files carry over.
 */
public final class DfsConfigKeys implements ConfigKeyProvider {
    // Filesystem and client
    public static final ConfigKey DEFAULT_FS = ConfigKey.string("fs.defaultFS", "qfs://127.0.0.1:8020",
            "The default filesystem: qfs://host:port of the NameNode, or file:///.");
    public static final ConfigKey TMP_DIR = ConfigKey.string("quarry.tmp.dir", null,
            "Base of the default local directories; <java.io.tmpdir>/quarry-<user> when unset.");
    public static final ConfigKey REPLICATION = ConfigKey.integer("dfs.replication", 3,
            "Replicas of each block of a new file.");
    public static final ConfigKey BLOCK_SIZE = ConfigKey.size("dfs.blocksize", "128m",
            "Block size of new files.");
    public static final ConfigKey BYTES_PER_CHECKSUM = ConfigKey.integer("dfs.bytes-per-checksum", 512,
            "Bytes covered by each CRC32C checksum.");
    public static final ConfigKey CLIENT_WRITE_PACKET_SIZE = ConfigKey.size("dfs.client-write-packet-size", "64k",
            "Data bytes in each packet of a block write.");
    public static final ConfigKey CLIENT_WRITE_WINDOW = ConfigKey.integer("quarry.client.write.max-packets-in-flight", 80,
            "Packets a writer may have sent but not yet had acknowledged.");
    public static final ConfigKey CLIENT_SOCKET_TIMEOUT = ConfigKey.duration("dfs.client.socket-timeout", "60s", ChronoUnit.MILLIS,
            "How long a reader or writer waits on a DataNode before giving up on it.");
    public static final ConfigKey CLIENT_BLOCK_WRITE_RETRIES = ConfigKey.integer("dfs.client.block.write.retries", 3,
            "Attempts to set up a pipeline for a new block before the write fails.");
    public static final ConfigKey CLIENT_MAX_BLOCK_ACQUIRE_FAILURES = ConfigKey.integer("dfs.client.max.block.acquire.failures", 3,
            "Rounds over a block's replicas a reader makes before it gives up.");
    public static final ConfigKey CLIENT_READ_SHORTCIRCUIT = ConfigKey.bool("dfs.client.read.shortcircuit", true,
            "Whether a client on a DataNode's host reads that DataNode's finalized replicas straight from its files "
                    + "(checksums still verified) when the operating system lets it open them.");
    public static final ConfigKey CLIENT_READ_RECEIVE_BUFFER = ConfigKey.size("quarry.client.read.receive-buffer", "0",
            "Fixed receive buffer of a block read over a socket (the kernel caps it at net.core.rmem_max); 0 lets the kernel "
                    + "grow it as the transfer goes (see docs/benchmarks.md for loopback figures both ways).");
    public static final ConfigKey UMASK = ConfigKey.string("fs.permissions.umask-mode", "022",
            "Permission bits removed from new files and directories (octal).");
    public static final ConfigKey CLIENT_FAILOVER_TIMEOUT = ConfigKey.duration("quarry.client.failover.timeout", "60s",
            ChronoUnit.MILLIS, "With HA, how long a call keeps looking for the active NameNode (retrying across a failover) before it fails.");
    public static final ConfigKey CLIENT_FAILOVER_CALL_TIMEOUT = ConfigKey.duration("quarry.client.failover.call-timeout", "15s",
            ChronoUnit.MILLIS, "With HA, how long one attempt waits for a NameNode's answer before trying the active again (a frozen NameNode).");
    public static final ConfigKey CLIENT_FAILOVER_SLEEP_MAX = ConfigKey.duration("dfs.client.failover.sleep.max.millis", "1s",
            ChronoUnit.MILLIS, "With HA, the longest pause between attempts to reach the active NameNode (pauses double from 20 ms).");

    // NameNode
    public static final ConfigKey NAMENODE_HA_RPC_ADDRESSES = ConfigKey.list("dfs.namenode.ha.rpc-addresses", null,
            "With HA, every NameNode's host:port, comma-separated: DataNodes report to all of them (only the active commands).");
    public static final ConfigKey NAMENODE_RPC_ADDRESS = ConfigKey.string("dfs.namenode.rpc-address", null,
            "host:port the NameNode serves RPC on; taken from fs.defaultFS when unset.");
    public static final ConfigKey NAMENODE_RPC_BIND_HOST = ConfigKey.string("dfs.namenode.rpc-bind-host", null,
            "Address the NameNode binds to (e.g. 0.0.0.0); the rpc-address host when unset.");
    public static final ConfigKey NAMENODE_HTTP_ADDRESS = ConfigKey.string("dfs.namenode.http-address", "127.0.0.1:9870",
            "host:port of the NameNode's status page and /metrics (port 0 picks a free one).");
    public static final ConfigKey NAMENODE_NAME_DIR = ConfigKey.string("dfs.namenode.name.dir", null,
            "Directory of the NameNode's journal and checkpoints; <quarry.tmp.dir>/dfs/name when unset.");
    public static final ConfigKey HEARTBEAT_INTERVAL = ConfigKey.duration("dfs.heartbeat.interval", "3s", ChronoUnit.SECONDS,
            "How often DataNodes heartbeat (bare numbers are seconds).");
    public static final ConfigKey HEARTBEAT_RECHECK_INTERVAL = ConfigKey.duration("dfs.namenode.heartbeat.recheck-interval", "5m",
            ChronoUnit.MILLIS, "A DataNode is dead after 2 x this + 10 x dfs.heartbeat.interval without a heartbeat (bare numbers are ms).");
    public static final ConfigKey REDUNDANCY_INTERVAL = ConfigKey.duration("dfs.namenode.redundancy.interval.seconds", "3s",
            ChronoUnit.SECONDS, "How often the NameNode looks for blocks to re-replicate or trim.");
    public static final ConfigKey REPLICATION_MAX_STREAMS = ConfigKey.integer("dfs.namenode.replication.max-streams", 2,
            "Re-replication copies one DataNode runs at a time.");
    public static final ConfigKey MIN_REPLICATION = ConfigKey.integer("dfs.namenode.replication.min", 1,
            "Replicas a block needs before its file may be closed.");
    public static final ConfigKey MAX_REPLICATION = ConfigKey.integer("dfs.replication.max", 512,
            "Largest replication a file may ask for.");
    public static final ConfigKey SAFEMODE_THRESHOLD = ConfigKey.doubleValue("dfs.namenode.safemode.threshold-pct", 0.999,
            "Share of blocks that must have a replica reported before the NameNode leaves safe mode.");
    public static final ConfigKey SAFEMODE_EXTENSION = ConfigKey.duration("dfs.namenode.safemode.extension", "5s", ChronoUnit.MILLIS,
            "How long safe mode lasts after the threshold is reached (bare numbers are ms).");
    public static final ConfigKey SAFEMODE_MIN_DATANODES = ConfigKey.integer("dfs.namenode.safemode.min.datanodes", 0,
            "Live DataNodes needed before the NameNode leaves safe mode.");
    public static final ConfigKey CHECKPOINT_PERIOD = ConfigKey.duration("dfs.namenode.checkpoint.period", "1h", ChronoUnit.SECONDS,
            "Longest time between checkpoints (bare numbers are seconds).");
    public static final ConfigKey CHECKPOINT_TXNS = ConfigKey.longValue("dfs.namenode.checkpoint.txns", 1_000_000,
            "Journal entries after which a checkpoint is taken.");
    public static final ConfigKey CHECKPOINTS_RETAINED = ConfigKey.integer("dfs.namenode.num.checkpoints.retained", 2,
            "Checkpoints kept on disk; older ones and the journal before them are deleted.");
    public static final ConfigKey JOURNAL_MAX_BATCH = ConfigKey.integer("quarry.namenode.journal.max-batch-size", 4096,
            "Most journal records written and synced together in one group commit.");
    public static final ConfigKey LEASE_SOFT_LIMIT = ConfigKey.duration("quarry.namenode.lease.soft-limit", "60s", ChronoUnit.MILLIS,
            "After this long without renewal another client may recover a file's lease.");
    public static final ConfigKey LEASE_HARD_LIMIT = ConfigKey.duration("dfs.namenode.lease-hard-limit-sec", "20m", ChronoUnit.SECONDS,
            "After this long without renewal the NameNode recovers the file itself (bare numbers are seconds).");
    public static final ConfigKey PERMISSIONS_ENABLED = ConfigKey.bool("dfs.permissions.enabled", true,
            "Whether owner, group and mode bits are enforced.");
    public static final ConfigKey SUPERUSER_GROUP = ConfigKey.string("dfs.permissions.superusergroup", "supergroup",
            "Members of this group are superusers, as is the user who started the NameNode.");
    public static final ConfigKey TOPOLOGY_TABLE = ConfigKey.string("net.topology.table.file.name", null,
            "File of 'host rack' lines mapping nodes to racks; every node is in /default-rack when unset.");
    public static final ConfigKey CLUSTER_ID = ConfigKey.string("quarry.cluster.id", null,
            "Cluster id written when the namespace is formatted; generated when unset.");

    // DataNode
    public static final ConfigKey DATANODE_DATA_DIR = ConfigKey.list("dfs.datanode.data.dir", null,
            "Comma-separated block directories; <quarry.tmp.dir>/dfs/data when unset.");
    public static final ConfigKey DATANODE_DATA_DIR_PERM = ConfigKey.string("dfs.datanode.data.dir.perm", "700",
            "Permission bits (octal) every block directory is set to at start: only the DataNode's own user reads "
                    + "replicas directly, so other users' clients read through the DataNode and its checks.");
    public static final ConfigKey DATANODE_ADDRESS = ConfigKey.string("dfs.datanode.address", "0.0.0.0:9866",
            "host:port of the data transfer server (port 0 picks a free one).");
    public static final ConfigKey DATANODE_HTTP_ADDRESS = ConfigKey.string("dfs.datanode.http.address", "0.0.0.0:9864",
            "host:port of the DataNode's status page and /metrics (port 0 picks a free one).");
    public static final ConfigKey DATANODE_HOSTNAME = ConfigKey.string("dfs.datanode.hostname", null,
            "The host name or address the DataNode registers with; the bind address (or the local host name) when unset.");
    public static final ConfigKey DATANODE_SYNC_ON_CLOSE = ConfigKey.bool("dfs.datanode.synconclose", true,
            "fsync block and checksum files when a block is finalized, so close() means on disk. Read by DataNodes and by "
                    + "clients (a client asks its pipelines to sync unless this is false); false, HDFS's default, only for scratch "
                    + "data and benchmarks.");
    public static final ConfigKey BLOCK_REPORT_INTERVAL = ConfigKey.duration("dfs.blockreport.intervalMsec", "6h", ChronoUnit.MILLIS,
            "How often a DataNode sends a full block report (bare numbers are ms).");
    public static final ConfigKey SCAN_PERIOD = ConfigKey.duration("dfs.datanode.scan.period.hours", "504h", ChronoUnit.HOURS,
            "The block scanner verifies every replica once per this period (bare numbers are hours).");
    public static final ConfigKey DATANODE_HANDLER_THREADS = ConfigKey.integer("dfs.datanode.max.transfer.threads", 64,
            "Threads serving block reads and writes on a DataNode.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(DEFAULT_FS, TMP_DIR, REPLICATION, BLOCK_SIZE, BYTES_PER_CHECKSUM, CLIENT_WRITE_PACKET_SIZE,
                CLIENT_WRITE_WINDOW, CLIENT_SOCKET_TIMEOUT, CLIENT_BLOCK_WRITE_RETRIES, CLIENT_MAX_BLOCK_ACQUIRE_FAILURES, CLIENT_READ_SHORTCIRCUIT, CLIENT_READ_RECEIVE_BUFFER, UMASK,
                CLIENT_FAILOVER_TIMEOUT, CLIENT_FAILOVER_CALL_TIMEOUT, CLIENT_FAILOVER_SLEEP_MAX, NAMENODE_HA_RPC_ADDRESSES, NAMENODE_RPC_ADDRESS, NAMENODE_RPC_BIND_HOST, NAMENODE_HTTP_ADDRESS, NAMENODE_NAME_DIR, HEARTBEAT_INTERVAL,
                HEARTBEAT_RECHECK_INTERVAL, REDUNDANCY_INTERVAL, REPLICATION_MAX_STREAMS, MIN_REPLICATION, MAX_REPLICATION,
                SAFEMODE_THRESHOLD, SAFEMODE_EXTENSION, SAFEMODE_MIN_DATANODES, CHECKPOINT_PERIOD, CHECKPOINT_TXNS,
                CHECKPOINTS_RETAINED, JOURNAL_MAX_BATCH, LEASE_SOFT_LIMIT, LEASE_HARD_LIMIT, PERMISSIONS_ENABLED,
                SUPERUSER_GROUP, TOPOLOGY_TABLE, CLUSTER_ID, DATANODE_DATA_DIR, DATANODE_DATA_DIR_PERM, DATANODE_ADDRESS, DATANODE_HTTP_ADDRESS,
                DATANODE_HOSTNAME, DATANODE_SYNC_ON_CLOSE, BLOCK_REPORT_INTERVAL, SCAN_PERIOD, DATANODE_HANDLER_THREADS);
    }
}
