package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.JobStatus;
import io.quarry.scheduler.core.RecoveredTask;
import io.quarry.scheduler.protocol.SubmitJob;
import java.util.List;

/** What a new active Scheduler found in its state store. */
record RecoveredState(List<Job> running, List<JobStatus> finished) {
    static final RecoveredState EMPTY = new RecoveredState(List.of(), List.of());

    RecoveredState {
        running = List.copyOf(running);
        finished = List.copyOf(finished);
    }

    /**
     * A job to resume: its submission, the tasks that succeeded, whether its commit had started,
     * and the number its tasks' new attempts start from.
     */
    record Job(SubmitJob submission, List<RecoveredTask> succeeded, boolean commitStarted, int attemptBase) {
        Job {
            requireNonNull(submission, "submission is null");
            succeeded = List.copyOf(succeeded);
        }
    }
}
