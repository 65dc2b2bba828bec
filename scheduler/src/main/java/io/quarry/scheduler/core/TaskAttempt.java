package io.quarry.scheduler.core;

import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.TaskAttemptId;
import java.util.Objects;

/** One attempt of a task on one worker, as the Scheduler tracks it. Mutated only by the scheduling thread. */
public final class TaskAttempt {
    private final TaskAttemptId id;
    private final String workerId;
    private final Locality locality;
    private final boolean speculative;
    private final long startMillis;
    private AttemptState state = AttemptState.RUNNING;
    private float progress;
    private long finishMillis = -1;
    private Counters counters = new Counters();
    private String error = "";

    TaskAttempt(TaskAttemptId id, String workerId, Locality locality, boolean speculative, long startMillis) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.workerId = Objects.requireNonNull(workerId, "workerId is null");
        this.locality = locality;
        this.speculative = speculative;
        this.startMillis = startMillis;
    }

    public TaskAttemptId id() {
        return id;
    }

    public String workerId() {
        return workerId;
    }

    /** Where a map attempt ran relative to its data; {@code null} for reduces. */
    public Locality locality() {
        return locality;
    }

    public boolean speculative() {
        return speculative;
    }

    public AttemptState state() {
        return state;
    }

    public float progress() {
        return progress;
    }

    /** Monotonic start time, milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** Run time so far, or in all once finished. */
    public long elapsedMillis(long nowMillis) {
        return (finishMillis >= 0 ? finishMillis : nowMillis) - startMillis;
    }

    public Counters counters() {
        return counters;
    }

    public String error() {
        return error;
    }

    public boolean isRunning() {
        return state == AttemptState.RUNNING;
    }

    void update(float newProgress, Counters newCounters) {
        progress = newProgress;
        if (newCounters != null) {
            counters = newCounters;
        }
    }

    void finish(AttemptState finalState, long nowMillis, String why) {
        if (finalState == AttemptState.RUNNING) {
            throw new IllegalArgumentException("attempt " + id + " cannot finish as RUNNING");
        }
        state = finalState;
        finishMillis = nowMillis;
        error = why == null ? "" : why;
        if (finalState == AttemptState.SUCCEEDED) {
            progress = 1f;
        }
    }

    /** A succeeded map whose output was lost is re-marked, keeping its counters out of the job's. */
    void markOutputLost(AttemptState newState, String why) {
        state = newState;
        error = why == null ? "" : why;
    }

    @Override
    public String toString() {
        return id + "@" + workerId + "[" + state + "]";
    }
}
