package io.quarry.scheduler.core;

import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.CommitJob;
import io.quarry.scheduler.core.SchedulerAction.JobCompleted;
import io.quarry.scheduler.core.SchedulerAction.KillAttempt;
import io.quarry.scheduler.core.SchedulerAction.RerunMap;
import io.quarry.scheduler.core.SchedulerAction.TaskSucceeded;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what happened to attempts: progress, success (the first wins, its twins are killed),
 * failure (retry, exclude the worker, or fail the job), lost workers and lost map outputs, and the
 * end of a job. Each method appends the actions its decision needs.
 */
final class AttemptEvents {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptEvents.class);

    private final WorkerRegistry workers;
    AttemptEvents(WorkerRegistry workers) {
        this.workers = Objects.requireNonNull(workers, "workers is null");
    }

    void report(JobInProgress job, TaskInProgress task, TaskAttempt attempt, AttemptReport report, Times now,
                List<SchedulerAction> actions) {
        if (!attempt.isRunning()) {
            return;
        }
        switch (report.state()) {
            case RUNNING -> attempt.update(report.progress(), report.counters());
            case SUCCEEDED -> {
                attempt.update(1f, report.counters());
                succeed(job, task, attempt, now, actions);
            }
            case FAILED -> fail(job, task, attempt, AttemptState.FAILED, report.error(), now, actions);
            case KILLED -> fail(job, task, attempt, AttemptState.KILLED,
                    report.error().isEmpty() ? "killed on its worker" : report.error(), now, actions);
        }
    }

    private void succeed(JobInProgress job, TaskInProgress task, TaskAttempt attempt, Times now, List<SchedulerAction> actions) {
        workers.attemptEnded(attempt.workerId(), attempt.id());
        if (task.isSucceeded()) {
            task.fail(attempt, AttemptState.KILLED, "another attempt of " + task.id() + " succeeded first", now.monotonic());
            countKilled(job, task);
            return;
        }
        task.succeed(attempt, now.monotonic());
        actions.add(new TaskSucceeded(attempt.id(), attempt.workerId()));
        TaskType type = task.id().type();
        job.countSucceeded(type, 1);
        long millis = attempt.elapsedMillis(now.monotonic());
        job.increment(type == TaskType.MAP ? JobCounter.MILLIS_MAPS : JobCounter.MILLIS_REDUCES, millis);
        job.recordSucceeded(type, millis);
        for (TaskAttempt twin : task.runningAttempts()) {
            String why = attempt.id() + " succeeded first";
            actions.add(new KillAttempt(twin.id(), twin.workerId(), why));
            task.fail(twin, AttemptState.KILLED, why, now.monotonic());
            workers.attemptEnded(twin.workerId(), twin.id());
            countKilled(job, task);
        }
        if (job.succeeded(TaskType.MAP) == job.tasks(TaskType.MAP).size()
                && job.succeeded(TaskType.REDUCE) == job.tasks(TaskType.REDUCE).size()) {
            startCommit(job, actions);
        }
    }

    /** Every task succeeded: the job's output is committed before the job counts as succeeded. */
    void startCommit(JobInProgress job, List<SchedulerAction> actions) {
        if (!job.isRunning() || job.isCommitting()) {
            return;
        }
        job.startCommit();
        LOG.info("{}: all {} maps and {} reduces succeeded; committing its output", job.id(), job.tasks(TaskType.MAP).size(),
                job.tasks(TaskType.REDUCE).size());
        actions.add(new CommitJob(job.id()));
    }

    /** Ends a running attempt as FAILED (counts toward the limit) or KILLED (does not), then retries or fails the job. */
    void fail(JobInProgress job, TaskInProgress task, TaskAttempt attempt, AttemptState state, String error, Times now,
              List<SchedulerAction> actions) {
        workers.attemptEnded(attempt.workerId(), attempt.id());
        task.fail(attempt, state, error, now.monotonic());
        if (state == AttemptState.KILLED) {
            countKilled(job, task);
        } else {
            job.increment(task.id().type() == TaskType.MAP ? JobCounter.NUM_FAILED_MAPS : JobCounter.NUM_FAILED_REDUCES);
            LOG.info("{} failed on {} ({} of {} allowed failures): {}", attempt.id(), attempt.workerId(), task.failedAttempts(),
                    job.failurePolicy().maxAttempts(task.id().type()), error);
            excludeIfNeeded(job, attempt.workerId());
            if (job.failurePolicy().exhausted(task)) {
                failJob(job, task, now, actions);
                return;
            }
        }
        if (job.isRunning() && task.needsAttempt()) {
            job.markPending(task);
        }
    }

    /** A worker is gone: its running attempts are killed (not counted), and finished maps whose output reducers still need re-run. */
    void workerLost(String workerId, List<JobInProgress> jobs, Times now, List<SchedulerAction> actions) {
        String why = "worker " + workerId + " was lost";
        for (JobInProgress job : jobs) {
            for (TaskType type : TaskType.values()) {
                for (TaskInProgress task : job.tasks(type)) {
                    for (TaskAttempt attempt : task.runningAttempts()) {
                        if (attempt.workerId().equals(workerId) && job.isRunning()) {
                            fail(job, task, attempt, AttemptState.KILLED, why, now, actions);
                        }
                    }
                }
            }
            if (!job.isRunning() || job.reducePhaseDone()) {
                continue;
            }
            for (TaskInProgress map : job.tasks(TaskType.MAP)) {
                TaskAttempt winner = map.succeededAttempt();
                if (winner != null && winner.workerId().equals(workerId)) {
                    rerunMap(job, map, AttemptState.KILLED, why, actions);
                }
            }
        }
    }

    /** A reducer could not fetch a map's output: after enough distinct reports (at once if its worker is dead) the map re-runs. */
    void fetchFailure(JobInProgress job, TaskInProgress map, FetchFailureReport report, Times now, List<SchedulerAction> actions) {
        TaskAttempt winner = map.succeededAttempt();
        if (winner == null || !winner.id().equals(report.mapAttempt()) || job.reducePhaseDone()) {
            return;
        }
        int reporters = map.reportFetchFailure(report.reduceAttempt());
        boolean live = workers.isLive(winner.workerId());
        LOG.info("{} cannot fetch the output of {} on {} ({} distinct reports): {}", report.reduceAttempt(), winner.id(),
                winner.workerId(), reporters, report.error());
        if (!job.failurePolicy().rerunAfterFetchFailures(reporters, job.tasks(TaskType.REDUCE).size(), live)) {
            return;
        }
        String why = reporters + " reducer(s) could not fetch it, last " + report.reduceAttempt() + ": " + report.error();
        rerunMap(job, map, AttemptState.FAILED, why, actions);
        job.increment(JobCounter.NUM_FAILED_MAPS);
        excludeIfNeeded(job, winner.workerId());
        if (job.failurePolicy().exhausted(map)) {
            failJob(job, map, now, actions);
        }
    }

    /** A recovered map's output did not survive the change of active Scheduler: the map runs again. */
    void recoveredOutputLost(JobInProgress job, TaskInProgress map, String why, List<SchedulerAction> actions) {
        if (job.isRunning() && !job.reducePhaseDone() && map.isSucceeded()) {
            rerunMap(job, map, AttemptState.KILLED, why, actions);
        }
    }

    private void rerunMap(JobInProgress job, TaskInProgress map, AttemptState lostAs, String why, List<SchedulerAction> actions) {
        TaskAttempt lost = map.succeededAttempt();
        map.loseOutput(lostAs, why);
        job.countSucceeded(TaskType.MAP, -1);
        job.markPending(map);
        LOG.info("{} re-runs: output of {} on {} is lost ({})", map.id(), lost.id(), lost.workerId(), why);
        actions.add(new RerunMap(map.id(), lost.id(), lost.workerId(), why));
    }

    private void excludeIfNeeded(JobInProgress job, String workerId) {
        if (job.recordFailureOn(workerId, job.failurePolicy().workerFailureLimit())) {
            LOG.warn("worker {} failed {} tasks of {}: it gets no more of the job's tasks", workerId,
                    job.failurePolicy().workerFailureLimit(), job.id());
        }
    }

    private void failJob(JobInProgress job, TaskInProgress task, Times now, List<SchedulerAction> actions) {
        String reason = "Task " + task.id() + " failed " + task.failedAttempts() + " times ("
                + job.failurePolicy().maxAttempts(task.id().type()) + " allowed); last failure: " + task.lastError();
        finishJob(job, JobState.FAILED, reason, now, actions);
    }

    /** Ends a job: its running attempts are killed and a {@link JobCompleted} carries its final status. */
    void finishJob(JobInProgress job, JobState state, String reason, Times now, List<SchedulerAction> actions) {
        if (!job.isRunning()) {
            return;
        }
        String why = job.id() + " " + state.name().toLowerCase(java.util.Locale.ROOT);
        for (TaskType type : TaskType.values()) {
            for (TaskInProgress task : job.tasks(type)) {
                for (TaskAttempt attempt : task.runningAttempts()) {
                    actions.add(new KillAttempt(attempt.id(), attempt.workerId(), why));
                    task.fail(attempt, AttemptState.KILLED, why, now.monotonic());
                    workers.attemptEnded(attempt.workerId(), attempt.id());
                    countKilled(job, task);
                }
            }
        }
        job.finish(state, reason, now.wall());
        if (state == JobState.SUCCEEDED) {
            LOG.info("{} succeeded: {} maps, {} reduces", job.id(), job.tasks(TaskType.MAP).size(), job.tasks(TaskType.REDUCE).size());
        } else {
            LOG.info("{} {}: {}", job.id(), state, reason);
        }
        actions.add(new JobCompleted(JobStatusView.snapshot(job)));
    }

    private static void countKilled(JobInProgress job, TaskInProgress task) {
        job.increment(task.id().type() == TaskType.MAP ? JobCounter.NUM_KILLED_MAPS : JobCounter.NUM_KILLED_REDUCES);
    }

    /** The time of one event: monotonic for durations, wall-clock for what users see. */
    record Times(long monotonic, long wall) {
    }
}
