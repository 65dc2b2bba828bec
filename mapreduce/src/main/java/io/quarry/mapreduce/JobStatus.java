package io.quarry.mapreduce;

import java.util.Objects;

/**
 * A snapshot of a job: who submitted it, its state, progress, task counts and counters;
 * {@code failure} says why a failed job failed (which task, which input, what error).
 */
public record JobStatus(JobId id, String name, String user, JobState state, float mapProgress, float reduceProgress,
                        TaskCounts maps, TaskCounts reduces, Counters counters, String failure,
                        long startTimeMillis, long finishTimeMillis) {
    public JobStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        name = name == null ? "" : name;
        user = user == null ? "" : user;
        maps = maps == null ? TaskCounts.NONE : maps;
        reduces = reduces == null ? TaskCounts.NONE : reduces;
        counters = counters == null ? new Counters() : counters;
        failure = failure == null ? "" : failure;
    }

    public boolean isSuccessful() {
        return state == JobState.SUCCEEDED;
    }

    /** How many tasks of one kind exist and where they are. */
    public record TaskCounts(int total, int running, int succeeded, int failedAttempts, int killedAttempts) {
        public static final TaskCounts NONE = new TaskCounts(0, 0, 0, 0, 0);
    }
}
