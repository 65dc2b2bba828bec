package io.quarry.scheduler.core;

import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.TaskAttemptId;
import java.util.Objects;

/**
 * What a worker says about one attempt in a heartbeat: its state, progress (0..1), counters so far
 * and, for a failed attempt, the error.
 */
public record AttemptReport(TaskAttemptId attempt, AttemptState state, float progress, Counters counters, String error) {
    public AttemptReport {
        Objects.requireNonNull(attempt, "attempt is null");
        Objects.requireNonNull(state, "state is null");
        if (!(progress >= 0f && progress <= 1f)) {
            throw new IllegalArgumentException("progress of " + attempt + " must be within 0..1: " + progress);
        }
        counters = counters == null ? new Counters() : counters;
        error = error == null ? "" : error;
    }

    public static AttemptReport running(TaskAttemptId attempt, float progress) {
        return new AttemptReport(attempt, AttemptState.RUNNING, progress, null, null);
    }

    public static AttemptReport succeeded(TaskAttemptId attempt, Counters counters) {
        return new AttemptReport(attempt, AttemptState.SUCCEEDED, 1f, counters, null);
    }

    public static AttemptReport failed(TaskAttemptId attempt, String error) {
        return new AttemptReport(attempt, AttemptState.FAILED, 0f, null, error);
    }
}
