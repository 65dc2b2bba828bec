package io.quarry.scheduler.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.TopologyTable;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.shuffle.ShuffleConfigKeys;

import static java.util.Objects.requireNonNull;

/**
 * What the Worker daemon reads from configuration, once, at start.
 *
 * @param scheduler          where the Scheduler listens (a wildcard host means this machine)
 * @param shuffleBind        where the shuffle server binds
 * @param hostname           the configured host name, or null to derive it (see {@link #host})
 * @param rack               the configured rack, or null to look it up (see {@link #rack})
 * @param mapSlots           map attempts run at once
 * @param reduceSlots        reduce attempts run at once
 * @param heartbeatInterval  time between heartbeats
 * @param maxRetryInterval   longest wait between attempts to reach an unreachable Scheduler
 * @param localBase          the directory under which the Worker keeps its own directory
 */
public record WorkerSettings(HostAndPort scheduler, HostAndPort shuffleBind, String hostname, String rack, int mapSlots,
                             int reduceSlots, Duration heartbeatInterval, Duration maxRetryInterval, Path localBase) {
    public WorkerSettings {
        requireNonNull(scheduler, "scheduler is null");
        requireNonNull(shuffleBind, "shuffleBind is null");
        requireNonNull(localBase, "localBase is null");
        if (mapSlots < 0) {
            throw new ConfigException(WorkerConfigKeys.MAP_SLOTS.name() + " = " + mapSlots + ": must not be negative");
        }
        if (reduceSlots < 0) {
            throw new ConfigException(WorkerConfigKeys.REDUCE_SLOTS.name() + " = " + reduceSlots + ": must not be negative");
        }
        if (mapSlots + reduceSlots == 0) {
            throw new ConfigException("A Worker with no map and no reduce slots runs nothing: set "
                    + WorkerConfigKeys.MAP_SLOTS.name() + " or " + WorkerConfigKeys.REDUCE_SLOTS.name());
        }
        positive(WorkerConfigKeys.HEARTBEAT_INTERVAL.name(), heartbeatInterval);
        positive(WorkerConfigKeys.SCHEDULER_RETRY_MAX.name(), maxRetryInterval);
    }

    public static WorkerSettings from(Configuration conf) {
        int cores = Runtime.getRuntime().availableProcessors();
        int maps = conf.getInt(WorkerConfigKeys.MAP_SLOTS);
        int reduces = conf.getInt(WorkerConfigKeys.REDUCE_SLOTS);
        return new WorkerSettings(
                schedulerAddress(conf),
                shuffleBind(conf),
                blankToNull(conf.getString(WorkerConfigKeys.HOSTNAME)),
                blankToNull(conf.getString(WorkerConfigKeys.RACK)),
                maps == -1 ? cores : maps,
                reduces == -1 ? cores : reduces,
                conf.getDuration(WorkerConfigKeys.HEARTBEAT_INTERVAL),
                conf.getDuration(WorkerConfigKeys.SCHEDULER_RETRY_MAX),
                localBase(conf));
    }

    /**
     * The host the Worker registers with, which must be the name QFS gives the DataNode of this
     * node (block locations are matched against it): {@code quarry.worker.hostname}, else the
     * shuffle bind host unless it is a wildcard, else {@code dfs.datanode.hostname}, else the
     * DataNode's bind host unless it is a wildcard, else the local host name.
     */
    public String host(Configuration conf) throws IOException {
        if (hostname != null) {
            return hostname;
        }
        if (!isWildcard(shuffleBind.host())) {
            return shuffleBind.host();
        }
        String dataNodeHost = blankToNull(conf.getString(DfsConfigKeys.DATANODE_HOSTNAME));
        if (dataNodeHost != null) {
            return dataNodeHost;
        }
        String dataNodeBind = blankToNull(conf.getString(DfsConfigKeys.DATANODE_ADDRESS));
        if (dataNodeBind != null) {
            try {
                String bindHost = HostAndPort.parse(dataNodeBind).host();
                if (!isWildcard(bindHost)) {
                    return bindHost;
                }
            } catch (IllegalArgumentException e) {
                // The DataNode reports its own bad address; the Worker falls back to the local name.
            }
        }
        return InetAddress.getLocalHost().getHostName();
    }

    /** {@code quarry.worker.rack}, else the host's rack in {@code net.topology.table.file.name}, else /default-rack. */
    public String rack(Configuration conf, String host) throws IOException {
        if (rack != null) {
            return rack;
        }
        return TopologyTable.load(conf.getString(DfsConfigKeys.TOPOLOGY_TABLE)).rackOf(host);
    }

    /** The Worker's own directory: one per host and shuffle port, so Workers sharing a base never collide. */
    public Path localDir(String host, int shufflePort) {
        return localBase.resolve("worker-" + host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + shufflePort);
    }

    static boolean isWildcard(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** The Scheduler's configured address; a wildcard bind host means the Scheduler runs on this machine. */
    private static HostAndPort schedulerAddress(Configuration conf) {
        HostAndPort configured = address(conf.getString(SchedulerServiceConfigKeys.ADDRESS), SchedulerServiceConfigKeys.ADDRESS.name());
        return isWildcard(configured.host()) ? new HostAndPort("127.0.0.1", configured.port()) : configured;
    }

    private static HostAndPort shuffleBind(Configuration conf) {
        String configured = blankToNull(conf.getString(WorkerConfigKeys.SHUFFLE_ADDRESS));
        if (configured != null) {
            return address(configured, WorkerConfigKeys.SHUFFLE_ADDRESS.name());
        }
        int port = conf.getInt(ShuffleConfigKeys.PORT);
        if (port < 0 || port > 65535) {
            throw new ConfigException(ShuffleConfigKeys.PORT.name() + " = " + port + ": must be 0-65535");
        }
        return new HostAndPort("0.0.0.0", port);
    }

    private static Path localBase(Configuration conf) {
        String configured = blankToNull(conf.getString(WorkerConfigKeys.LOCAL_DIR));
        if (configured != null) {
            return Path.of(configured);
        }
        List<String> dirs = conf.getList(MapReduceConfigKeys.LOCAL_DIRS);
        if (!dirs.isEmpty() && !dirs.get(0).isBlank()) {
            return Path.of(dirs.get(0));
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "quarry-" + CommonConfigKeys.currentUser(conf), "worker");
    }

    private static HostAndPort address(String value, String key) {
        try {
            return HostAndPort.parse(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(key + " = " + value + ": expected host:port (" + e.getMessage() + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException(key + " = " + value + ": must be positive");
        }
    }
}
