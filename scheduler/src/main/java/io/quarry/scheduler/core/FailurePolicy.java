package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskType;
import java.util.Objects;

/** What a failure leads to: retry or give up on the task, exclude a worker, re-run a map whose output cannot be fetched. */
final class FailurePolicy {
    private final SchedulerConfig config;

    FailurePolicy(SchedulerConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    /** The task failed as often as allowed: the job fails. */
    boolean exhausted(TaskInProgress task) {
        return task.failedAttempts() >= config.maxAttempts(task.id().type());
    }

    int maxAttempts(TaskType type) {
        return config.maxAttempts(type);
    }

    int workerFailureLimit() {
        return config.maxTaskFailuresPerWorker();
    }

    /**
     * Enough distinct reducers could not fetch a map's output (the configured number, or every
     * reduce of a job with fewer), or its worker is gone: the map re-runs.
     */
    boolean rerunAfterFetchFailures(int distinctReporters, int reduces, boolean workerLive) {
        return !workerLive || distinctReporters >= Math.min(config.fetchFailuresPerMap(), Math.max(1, reduces));
    }
}
