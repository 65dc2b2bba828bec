package io.quarry.mapreduce.output;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import java.io.IOException;

/**
 * Makes output appear exactly once: each attempt writes where only it writes, a committed attempt's
 * output moves into place, and the job's commit publishes everything. The framework commits at
 * most one attempt per task.
 */
public interface OutputCommitter {

    /** Once, before any task runs. */
    void setupJob(JobContext job) throws IOException;

    /** Before an attempt writes. */
    void setupTask(TaskAttemptContext attempt) throws IOException;

    /** Whether the attempt wrote anything to commit. */
    boolean needsTaskCommit(TaskAttemptContext attempt) throws IOException;

    /** Moves a finished attempt's output into the task's committed place; fails if another attempt did so. */
    void commitTask(TaskAttemptContext attempt) throws IOException;

    /** Discards an attempt's output (failed or killed attempts). */
    void abortTask(TaskAttemptContext attempt) throws IOException;

    /** Once, after every task committed: publishes the output and marks success. */
    void commitJob(JobContext job) throws IOException;

    /** Once, when the job failed or was killed: removes everything temporary. */
    void abortJob(JobContext job) throws IOException;
}
