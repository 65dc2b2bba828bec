package io.quarry.scheduler.worker;

import io.quarry.mapreduce.TaskAttemptId;

/**
 * Asks the Scheduler whether an attempt may commit its output, so at most one attempt per task
 * commits even when a speculative twin also finishes. The daemon routes it to
 * {@code SchedulerCore.canCommit}.
 */
@FunctionalInterface
public interface CommitPermission {

    /** Whether {@code attempt} may commit; false when another attempt of its task commits or the attempt is unknown. */
    boolean canCommit(TaskAttemptId attempt) throws Exception;
}
