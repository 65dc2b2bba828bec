package io.quarry.scheduler.core;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Scheduler's task placement and fault-handling keys, with Hadoop's names where the concept is the same. */
public final class SchedulerConfigKeys implements ConfigKeyProvider {
    // Placement.
    public static final ConfigKey NODE_LOCALITY_DELAY = ConfigKey.integer("quarry.scheduler.locality.node-delay", -1,
            "Scheduling opportunities a job skips waiting for a node-local map slot before it may launch rack-local;"
                    + " -1 means the number of live workers.");
    public static final ConfigKey RACK_LOCALITY_DELAY = ConfigKey.integer("quarry.scheduler.locality.rack-delay", -1,
            "Further scheduling opportunities a job skips waiting for a rack-local map slot before it may launch off-rack;"
                    + " -1 means the number of live workers.");
    public static final ConfigKey REDUCE_SLOWSTART = ConfigKey.doubleValue("mapreduce.job.reduce.slowstart.completedmaps", 1.0,
            "Fraction of a job's maps that must have finished before its reduces are scheduled.");

    // Retries and exclusion.
    public static final ConfigKey MAP_MAX_ATTEMPTS = ConfigKey.integer("mapreduce.map.maxattempts", 4,
            "Failed attempts of one map task after which the job fails.");
    public static final ConfigKey REDUCE_MAX_ATTEMPTS = ConfigKey.integer("mapreduce.reduce.maxattempts", 4,
            "Failed attempts of one reduce task after which the job fails.");
    public static final ConfigKey MAX_TASK_FAILURES_PER_WORKER = ConfigKey.integer("mapreduce.job.maxtaskfailures.per.tracker", 3,
            "Task failures of one job on one worker after which that worker gets no more tasks of the job.");
    public static final ConfigKey WORKER_EXPIRY = ConfigKey.duration("quarry.scheduler.worker.expiry", "30s", ChronoUnit.MILLIS,
            "Time without a heartbeat after which a worker is declared dead and its work re-run.");
    public static final ConfigKey FETCH_FAILURES_PER_MAP = ConfigKey.integer("quarry.scheduler.fetch-failures.per-map", 3,
            "Distinct reducers that report a map output unfetchable before the map is re-run (every reducer of a job with"
                    + " fewer; at once if the map's worker is dead).");

    // Speculation.
    public static final ConfigKey MAP_SPECULATIVE = ConfigKey.bool("mapreduce.map.speculative", true,
            "Launch a backup attempt of a map task that runs far slower than its peers.");
    public static final ConfigKey REDUCE_SPECULATIVE = ConfigKey.bool("mapreduce.reduce.speculative", true,
            "Launch a backup attempt of a reduce task that runs far slower than its peers.");
    public static final ConfigKey SPECULATIVE_SLOWNESS = ConfigKey.doubleValue("quarry.scheduler.speculation.slowness", 1.5,
            "A task is a straggler when its estimated run time exceeds this multiple of its finished peers' mean.");
    public static final ConfigKey SPECULATIVE_MIN_RUNTIME = ConfigKey.duration("quarry.scheduler.speculation.min-runtime", "10s",
            ChronoUnit.MILLIS, "Least time an attempt runs before it may get a speculative backup.");

    // History.
    public static final ConfigKey HISTORY_RETAINED_JOBS = ConfigKey.integer("quarry.scheduler.history.retained-jobs", 100,
            "Finished jobs whose status stays queryable; the oldest are forgotten first.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(NODE_LOCALITY_DELAY, RACK_LOCALITY_DELAY, REDUCE_SLOWSTART, MAP_MAX_ATTEMPTS, REDUCE_MAX_ATTEMPTS,
                MAX_TASK_FAILURES_PER_WORKER, WORKER_EXPIRY, FETCH_FAILURES_PER_MAP, MAP_SPECULATIVE, REDUCE_SPECULATIVE,
                SPECULATIVE_SLOWNESS, SPECULATIVE_MIN_RUNTIME, HISTORY_RETAINED_JOBS);
    }
}
