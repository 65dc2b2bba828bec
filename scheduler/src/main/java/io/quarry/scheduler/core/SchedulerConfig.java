package io.quarry.scheduler.core;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.TaskType;
import java.time.Duration;
import java.util.Objects;

/**
 * The Scheduler's placement and fault-handling settings, read once; defaults live in
 * {@link SchedulerConfigKeys}. A locality delay of -1 means "the number of live workers".
 */
public record SchedulerConfig(int nodeLocalityDelay, int rackLocalityDelay, double reduceSlowstart, int mapMaxAttempts,
                              int reduceMaxAttempts, int maxTaskFailuresPerWorker, Duration workerExpiry,
                              int fetchFailuresPerMap, boolean mapSpeculative, boolean reduceSpeculative,
                              double speculativeSlowness, Duration speculativeMinRuntime, int historyRetainedJobs) {
    public SchedulerConfig {
        Objects.requireNonNull(workerExpiry, "workerExpiry is null");
        Objects.requireNonNull(speculativeMinRuntime, "speculativeMinRuntime is null");
    }

    public static SchedulerConfig defaults() {
        return from(Configuration.empty());
    }

    public static SchedulerConfig from(Configuration conf) {
        double slowstart = conf.getDouble(SchedulerConfigKeys.REDUCE_SLOWSTART);
        if (slowstart < 0 || slowstart > 1) {
            throw new ConfigException(SchedulerConfigKeys.REDUCE_SLOWSTART.name() + " = " + slowstart + ": must be between 0 and 1");
        }
        double slowness = conf.getDouble(SchedulerConfigKeys.SPECULATIVE_SLOWNESS);
        if (!(slowness > 1)) {
            throw new ConfigException(SchedulerConfigKeys.SPECULATIVE_SLOWNESS.name() + " = " + slowness + ": must be above 1");
        }
        return new SchedulerConfig(atLeast(conf, SchedulerConfigKeys.NODE_LOCALITY_DELAY, -1),
                atLeast(conf, SchedulerConfigKeys.RACK_LOCALITY_DELAY, -1), slowstart,
                atLeast(conf, SchedulerConfigKeys.MAP_MAX_ATTEMPTS, 1), atLeast(conf, SchedulerConfigKeys.REDUCE_MAX_ATTEMPTS, 1),
                atLeast(conf, SchedulerConfigKeys.MAX_TASK_FAILURES_PER_WORKER, 1), conf.getDuration(SchedulerConfigKeys.WORKER_EXPIRY),
                atLeast(conf, SchedulerConfigKeys.FETCH_FAILURES_PER_MAP, 1), conf.getBoolean(SchedulerConfigKeys.MAP_SPECULATIVE),
                conf.getBoolean(SchedulerConfigKeys.REDUCE_SPECULATIVE), slowness,
                conf.getDuration(SchedulerConfigKeys.SPECULATIVE_MIN_RUNTIME), atLeast(conf, SchedulerConfigKeys.HISTORY_RETAINED_JOBS, 0));
    }

    public int maxAttempts(TaskType type) {
        return type == TaskType.MAP ? mapMaxAttempts : reduceMaxAttempts;
    }

    public boolean speculative(TaskType type) {
        return type == TaskType.MAP ? mapSpeculative : reduceSpeculative;
    }

    /** The node delay in scheduling opportunities for a cluster of {@code liveWorkers}. */
    public int effectiveNodeDelay(int liveWorkers) {
        return nodeLocalityDelay < 0 ? liveWorkers : nodeLocalityDelay;
    }

    public int effectiveRackDelay(int liveWorkers) {
        return rackLocalityDelay < 0 ? liveWorkers : rackLocalityDelay;
    }

    /**
     * The settings for one job: the keys a job may set for itself (attempt limits, slow start,
     * speculation, worker exclusion), taken from its configuration where set, these otherwise.
     */
    public SchedulerConfig forJob(Configuration jobConf) {
        SchedulerConfig job = new SchedulerConfig(nodeLocalityDelay, rackLocalityDelay,
                jobConf.isSet(SchedulerConfigKeys.REDUCE_SLOWSTART) ? jobConf.getDouble(SchedulerConfigKeys.REDUCE_SLOWSTART) : reduceSlowstart,
                jobConf.isSet(SchedulerConfigKeys.MAP_MAX_ATTEMPTS) ? atLeast(jobConf, SchedulerConfigKeys.MAP_MAX_ATTEMPTS, 1) : mapMaxAttempts,
                jobConf.isSet(SchedulerConfigKeys.REDUCE_MAX_ATTEMPTS) ? atLeast(jobConf, SchedulerConfigKeys.REDUCE_MAX_ATTEMPTS, 1)
                        : reduceMaxAttempts,
                jobConf.isSet(SchedulerConfigKeys.MAX_TASK_FAILURES_PER_WORKER)
                        ? atLeast(jobConf, SchedulerConfigKeys.MAX_TASK_FAILURES_PER_WORKER, 1) : maxTaskFailuresPerWorker,
                workerExpiry, fetchFailuresPerMap,
                jobConf.isSet(SchedulerConfigKeys.MAP_SPECULATIVE) ? jobConf.getBoolean(SchedulerConfigKeys.MAP_SPECULATIVE) : mapSpeculative,
                jobConf.isSet(SchedulerConfigKeys.REDUCE_SPECULATIVE) ? jobConf.getBoolean(SchedulerConfigKeys.REDUCE_SPECULATIVE)
                        : reduceSpeculative,
                speculativeSlowness, speculativeMinRuntime, historyRetainedJobs);
        if (job.reduceSlowstart < 0 || job.reduceSlowstart > 1) {
            throw new ConfigException(SchedulerConfigKeys.REDUCE_SLOWSTART.name() + " = " + job.reduceSlowstart
                    + ": must be between 0 and 1");
        }
        return job;
    }

    /** A copy with other locality delays, for tests and tuning. */
    public SchedulerConfig withLocalityDelays(int nodeDelay, int rackDelay) {
        return new SchedulerConfig(nodeDelay, rackDelay, reduceSlowstart, mapMaxAttempts, reduceMaxAttempts,
                maxTaskFailuresPerWorker, workerExpiry, fetchFailuresPerMap, mapSpeculative, reduceSpeculative,
                speculativeSlowness, speculativeMinRuntime, historyRetainedJobs);
    }

    private static int atLeast(Configuration conf, ConfigKey key, int least) {
        int value = conf.getInt(key);
        if (value < least) {
            throw new ConfigException(key.name() + " = " + value + ": must be at least " + least);
        }
        return value;
    }
}
