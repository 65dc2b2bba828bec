package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskAttemptId;
import java.util.Objects;

/** A reduce attempt could not fetch the output of a map attempt; {@code error} is what went wrong. */
public record FetchFailureReport(TaskAttemptId reduceAttempt, TaskAttemptId mapAttempt, String error) {
    public FetchFailureReport {
        Objects.requireNonNull(reduceAttempt, "reduceAttempt is null");
        Objects.requireNonNull(mapAttempt, "mapAttempt is null");
        error = error == null ? "" : error;
    }
}
