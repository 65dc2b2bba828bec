package io.quarry.mapreduce;

import io.quarry.common.conf.Configuration;
import java.util.Objects;

/**
 * One task attempt as formats and the runtime see it: the job, the attempt id, the attempt's
 * counters and its progress. Used by the attempt's own thread; {@link #progress()} values may be
 * read by others.
 */
public class TaskAttemptContext extends JobContext {
    private final TaskAttemptId attemptId;
    private final Counters counters = new Counters();
    private volatile float progress;
    private volatile String status = "";
    private volatile long lastActivityNanos = System.nanoTime();

    public TaskAttemptContext(JobContext job, TaskAttemptId attemptId) {
        this(attemptId, job.configuration(), job.classLoader());
    }

    public TaskAttemptContext(TaskAttemptId attemptId, Configuration conf, ClassLoader classLoader) {
        super(Objects.requireNonNull(attemptId, "attemptId").jobId(), conf, classLoader);
        this.attemptId = attemptId;
    }

    public TaskAttemptId taskAttemptId() {
        return attemptId;
    }

    /** This attempt's counters, owned by its thread. */
    public Counters counters() {
        return counters;
    }

    /** Share of the attempt's work done, 0 to 1. */
    public float progress() {
        return progress;
    }

    public void setProgress(float fraction) {
        progress = Math.max(0f, Math.min(1f, fraction));
        lastActivityNanos = System.nanoTime();
    }

    /** Marks the attempt as alive without changing its progress. */
    public void touch() {
        lastActivityNanos = System.nanoTime();
    }

    /** {@link System#nanoTime()} of the last sign of life, for hung-task detection. */
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    public String status() {
        return status;
    }

    public void setStatus(String newStatus) {
        status = newStatus == null ? "" : newStatus;
    }
}
