package io.quarry.scheduler.core;

import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.input.InputSplit;
import java.util.Objects;

/** Something the Scheduler decided and the daemon around it carries out. */
public sealed interface SchedulerAction {

    /**
     * Start an attempt on a worker. {@code split} is the map's input ({@code null} for a reduce);
     * {@code locality} is {@code null} for a reduce.
     */
    record LaunchAttempt(TaskAttemptId attempt, String workerId, InputSplit split, Locality locality, boolean speculative)
            implements SchedulerAction {
        public LaunchAttempt {
            Objects.requireNonNull(attempt, "attempt is null");
            Objects.requireNonNull(workerId, "workerId is null");
        }
    }

    /** Stop an attempt that is no longer wanted (its twin won, its job ended). */
    record KillAttempt(TaskAttemptId attempt, String workerId, String reason) implements SchedulerAction {
        public KillAttempt {
            Objects.requireNonNull(attempt, "attempt is null");
            Objects.requireNonNull(workerId, "workerId is null");
        }
    }

    /**
     * A finished map's output is gone (its worker died, or reducers could not fetch it): the map
     * runs again, and reducers must stop fetching from {@code lostAttempt}.
     */
    record RerunMap(TaskId map, TaskAttemptId lostAttempt, String workerId, String reason) implements SchedulerAction {
        public RerunMap {
            Objects.requireNonNull(map, "map is null");
            Objects.requireNonNull(lostAttempt, "lostAttempt is null");
        }
    }

    /**
     * Every task of the job succeeded: its output must now be committed (published, with
     * {@code _SUCCESS}); the daemon reports the outcome with {@link SchedulerCore#jobCommitted}.
     */
    record CommitJob(JobId job) implements SchedulerAction {
        public CommitJob {
            Objects.requireNonNull(job, "job is null");
        }
    }

    /** The job ended: succeeded, failed (the status names the failing task and its error) or killed. */
    record JobCompleted(JobStatus status) implements SchedulerAction {
        public JobCompleted {
            Objects.requireNonNull(status, "status is null");
        }
    }

    /**
     * A task succeeded with {@code attempt} on {@code workerId} (a map's output is now served there);
     * an HA Scheduler records it so that a new active does not run the task again.
     */
    record TaskSucceeded(TaskAttemptId attempt, String workerId) implements SchedulerAction {
        public TaskSucceeded {
            Objects.requireNonNull(attempt, "attempt is null");
            Objects.requireNonNull(workerId, "workerId is null");
        }
    }

    /** A heartbeat came from a worker the Scheduler does not know (expired or restarted): it must register again. */
    record ReregisterWorker(String workerId) implements SchedulerAction {
        public ReregisterWorker {
            Objects.requireNonNull(workerId, "workerId is null");
        }
    }
}
