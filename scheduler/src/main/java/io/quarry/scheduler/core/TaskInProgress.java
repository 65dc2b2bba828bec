package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.input.InputSplit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One task and its attempts: which attempt succeeded, which may commit, how often it failed and
 * where, and the fetch failures reported against its output.
 */
public final class TaskInProgress {
    private final TaskId id;
    private final InputSplit split;
    private final RunningTally tally;
    private final List<TaskAttempt> attempts = new ArrayList<>();
    private final Set<String> failedOnWorkers = new HashSet<>();
    private final Set<TaskAttemptId> fetchFailureReporters = new HashSet<>();
    private TaskAttempt succeeded;
    private TaskAttemptId committer;
    private int failedAttempts;
    private boolean speculated;
    private String lastError = "";
    /** The number of this task's first attempt here; above zero when a new active Scheduler took the job over. */
    private int attemptBase;

    TaskInProgress(TaskId id, InputSplit split, RunningTally tally) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.split = split;
        this.tally = Objects.requireNonNull(tally, "tally is null");
    }

    /**
     * The running attempts of a job's tasks of one kind, and which tasks have them, kept as
     * attempts start and end so a heartbeat need not scan the job.
     */
    static final class RunningTally {
        private final Map<TaskInProgress, Integer> tasks = new LinkedHashMap<>();
        private int running;

        int running() {
            return running;
        }

        /** Tasks with at least one running attempt, in the order they first started one. */
        Collection<TaskInProgress> tasks() {
            return Collections.unmodifiableSet(tasks.keySet());
        }

        private void started(TaskInProgress task) {
            running++;
            tasks.merge(task, 1, Integer::sum);
        }

        private void ended(TaskInProgress task) {
            running--;
            tasks.computeIfPresent(task, (t, n) -> n == 1 ? null : n - 1);
        }
    }

    public TaskId id() {
        return id;
    }

    /** The map's input; {@code null} for a reduce. */
    public InputSplit split() {
        return split;
    }

    public List<String> preferredHosts() {
        return split == null ? List.of() : split.locations();
    }

    public List<TaskAttempt> attempts() {
        return Collections.unmodifiableList(attempts);
    }

    public List<TaskAttempt> runningAttempts() {
        List<TaskAttempt> running = new ArrayList<>(2);
        for (TaskAttempt attempt : attempts) {
            if (attempt.isRunning()) {
                running.add(attempt);
            }
        }
        return running;
    }

    public TaskAttempt attempt(TaskAttemptId attemptId) {
        int index = attemptId.attempt() - attemptBase;
        if (!attemptId.taskId().equals(id) || index < 0 || index >= attempts.size()) {
            return null;
        }
        return attempts.get(index);
    }

    public boolean isSucceeded() {
        return succeeded != null;
    }

    public TaskAttempt succeededAttempt() {
        return succeeded;
    }

    /** Needs a new (non-speculative) attempt: not done and nothing running. */
    public boolean needsAttempt() {
        return succeeded == null && runningAttempts().isEmpty();
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public String lastError() {
        return lastError;
    }

    public boolean failedOn(String workerId) {
        return failedOnWorkers.contains(workerId);
    }

    public boolean speculated() {
        return speculated;
    }

    TaskAttempt launch(String workerId, Locality locality, boolean speculative, long nowMillis) {
        TaskAttempt attempt = new TaskAttempt(new TaskAttemptId(id, attemptBase + attempts.size()), workerId, locality, speculative,
                nowMillis);
        attempts.add(attempt);
        tally.started(this);
        if (speculative) {
            speculated = true;
        }
        return attempt;
    }

    /** Numbers this task's attempts from {@code base} on, past those of the previous active Scheduler's. */
    void numberAttemptsFrom(int base) {
        if (!attempts.isEmpty()) {
            throw new IllegalStateException("task " + id + " already has attempts; cannot renumber from " + base);
        }
        attemptBase = base;
    }

    /** Takes over the winner a previous active Scheduler recorded; it is not one of this task's attempts here. */
    void recoverSucceeded(TaskAttemptId attemptId, String workerId, long nowMillis) {
        TaskAttempt recovered = new TaskAttempt(attemptId, workerId, null, false, nowMillis);
        recovered.finish(AttemptState.SUCCEEDED, nowMillis, null);
        succeeded = recovered;
    }

    /** Records the winner; the caller kills the other running attempts. */
    void succeed(TaskAttempt attempt, long nowMillis) {
        end(attempt, AttemptState.SUCCEEDED, nowMillis, null);
        succeeded = attempt;
        fetchFailureReporters.clear();
    }

    void fail(TaskAttempt attempt, AttemptState state, String error, long nowMillis) {
        end(attempt, state, nowMillis, error);
        releaseCommit(attempt.id());
        if (state == AttemptState.FAILED) {
            failedAttempts++;
            failedOnWorkers.add(attempt.workerId());
            lastError = "attempt " + attempt.id() + " on worker " + attempt.workerId() + ": " + error;
        }
    }

    private void end(TaskAttempt attempt, AttemptState state, long nowMillis, String why) {
        if (!attempt.isRunning()) {
            throw new IllegalStateException("attempt " + attempt.id() + " already ended as " + attempt.state() + ", not " + state);
        }
        attempt.finish(state, nowMillis, why);
        tally.ended(this);
    }

    /** The succeeded attempt's output is gone; the task must run again. Counts as a failure when {@code state} is FAILED. */
    void loseOutput(AttemptState state, String error) {
        TaskAttempt lost = succeeded;
        succeeded = null;
        committer = null;
        speculated = false;
        fetchFailureReporters.clear();
        lost.markOutputLost(state, error);
        if (state == AttemptState.FAILED) {
            failedAttempts++;
            failedOnWorkers.add(lost.workerId());
            lastError = "output of attempt " + lost.id() + " on worker " + lost.workerId() + ": " + error;
        }
    }

    /** Counts a distinct reducer's report against the current output; returns the number of distinct reporters. */
    int reportFetchFailure(TaskAttemptId reduceAttempt) {
        fetchFailureReporters.add(reduceAttempt);
        return fetchFailureReporters.size();
    }

    /** Grants the commit to exactly one attempt; the grant passes on only if its holder fails. */
    boolean canCommit(TaskAttemptId attemptId) {
        TaskAttempt attempt = attempt(attemptId);
        if (attempt == null) {
            return false;
        }
        if (committer == null && attempt.isRunning() && succeeded == null) {
            committer = attemptId;
            return true;
        }
        return attemptId.equals(committer);
    }

    private void releaseCommit(TaskAttemptId attemptId) {
        if (attemptId.equals(committer)) {
            committer = null;
        }
    }
}
