package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskAttemptId;
import java.util.Objects;

/** Where a finished map's output can be fetched: the winning attempt and its worker. */
public record MapOutputLocation(TaskAttemptId attempt, String workerId, String host) {
    public MapOutputLocation {
        Objects.requireNonNull(attempt, "attempt is null");
        Objects.requireNonNull(workerId, "workerId is null");
        Objects.requireNonNull(host, "host is null");
    }
}
