package io.quarry.scheduler.worker;

import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;

/** Keys of the Worker daemon: its identity, slots, heartbeat, local directory, and the attempt runner's timeout. */
public final class WorkerConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey TASK_TIMEOUT = ConfigKey.duration("mapreduce.task.timeout", "10m", ChronoUnit.MILLIS,
            "An attempt that shows no sign of life (input read, or a call of the task context's progress()) for this "
                    + "long is killed and counts as failed; 0 disables the check. A job may set its own value.");
    public static final ConfigKey HOSTNAME = ConfigKey.string("quarry.worker.hostname", null,
            "The host name the Worker registers with and reducers fetch its map outputs from; it must be the name QFS "
                    + "gives the DataNode of the same node. When unset: the shuffle bind host if it is not a wildcard, "
                    + "else dfs.datanode.hostname, else the local host name.");
    public static final ConfigKey RACK = ConfigKey.string("quarry.worker.rack", null,
            "The Worker's rack; when unset it is looked up in net.topology.table.file.name (else /default-rack).");
    public static final ConfigKey SHUFFLE_ADDRESS = ConfigKey.string("quarry.worker.shuffle.address", null,
            "host:port the Worker's shuffle server binds to (port 0 picks a free one); 0.0.0.0 with "
                    + "mapreduce.shuffle.port when unset.");
    public static final ConfigKey MAP_SLOTS = ConfigKey.integer("mapreduce.tasktracker.map.tasks.maximum", -1,
            "Map attempts the Worker runs at once; -1 means the number of cores.");
    public static final ConfigKey REDUCE_SLOTS = ConfigKey.integer("mapreduce.tasktracker.reduce.tasks.maximum", -1,
            "Reduce attempts the Worker runs at once; -1 means the number of cores (reduces start once the maps are done,"
                    + " so by default they never compete with maps for the cores).");
    public static final ConfigKey HEARTBEAT_INTERVAL = ConfigKey.duration("quarry.worker.heartbeat.interval", "300ms",
            ChronoUnit.MILLIS, "Time between the Worker's heartbeats until the Scheduler sets the pace"
                    + " (quarry.scheduler.heartbeat.min-interval); a finished attempt is reported at once.");
    public static final ConfigKey SCHEDULER_RETRY_MAX = ConfigKey.duration("quarry.worker.scheduler.max-retry-interval", "5s",
            ChronoUnit.MILLIS, "Longest wait between the Worker's attempts to reach an unreachable Scheduler (the wait "
                    + "starts at the heartbeat interval and doubles).");
    public static final ConfigKey LOCAL_DIR = ConfigKey.string("quarry.worker.local.dir", null,
            "Directory for the Worker's job jars, spills and map outputs (one subdirectory per Worker); the first of "
                    + "quarry.mapreduce.local.dirs, else the system temporary directory, when unset.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(TASK_TIMEOUT, HOSTNAME, RACK, SHUFFLE_ADDRESS, MAP_SLOTS, REDUCE_SLOTS, HEARTBEAT_INTERVAL,
                SCHEDULER_RETRY_MAX, LOCAL_DIR);
    }
}
