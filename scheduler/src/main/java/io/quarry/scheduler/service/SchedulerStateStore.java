package io.quarry.scheduler.service;

import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.scheduler.protocol.SubmitJob;
import java.io.IOException;

/**
 * Where an HA Scheduler keeps what a new active needs to resume its jobs: the submissions, the
 * tasks that succeeded (for maps, where their output is served), whether a job's output commit
 * started, and the final statuses of finished jobs. Called on the event thread; a write that
 * throws means this Scheduler must stop acting as the active. Without HA nothing is kept ({@link #NONE}).
 */
interface SchedulerStateStore {
    /** The job was accepted; {@code submission} carries its id. */
    void jobSubmitted(SubmitJob submission) throws IOException;

    /** A submission recorded by {@link #jobSubmitted} was refused after all. */
    void jobForgotten(JobId id) throws IOException;

    void taskSucceeded(TaskAttemptId attempt, String workerId) throws IOException;

    /** A succeeded map's output is lost: the map runs again. */
    void mapOutputLost(TaskId map) throws IOException;

    /** The job's output commit is about to start: a new active finishes it (committing again is safe). */
    void commitStarted(JobId id) throws IOException;

    /** The job ended; its final status replaces what was kept of it. */
    void jobFinished(JobStatus status) throws IOException;

    /** What the previous actives left: jobs to resume and the history; renumbers the resumed jobs' attempts. */
    RecoveredState load() throws IOException;

    SchedulerStateStore NONE = new SchedulerStateStore() {
        @Override
        public void jobSubmitted(SubmitJob submission) {
        }

        @Override
        public void jobForgotten(JobId id) {
        }

        @Override
        public void taskSucceeded(TaskAttemptId attempt, String workerId) {
        }

        @Override
        public void mapOutputLost(TaskId map) {
        }

        @Override
        public void commitStarted(JobId id) {
        }

        @Override
        public void jobFinished(JobStatus status) {
        }

        @Override
        public RecoveredState load() {
            return RecoveredState.EMPTY;
        }
    };
}
