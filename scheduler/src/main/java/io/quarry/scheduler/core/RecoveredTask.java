package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskAttemptId;
import java.util.Objects;

/** A task the previous active Scheduler recorded as succeeded: its winning attempt and where that ran. */
public record RecoveredTask(TaskAttemptId attempt, String workerId) {
    public RecoveredTask {
        Objects.requireNonNull(attempt, "attempt is null");
        Objects.requireNonNull(workerId, "workerId is null");
    }
}
