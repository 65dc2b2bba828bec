package io.quarry.scheduler.client;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.output.OutputCommitter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's last step, which the client takes when the Scheduler reports the end, as the
 * in-process runner does after its last task: a succeeded job's committed task outputs are
 * published by the output committer ({@code _SUCCESS} included); a failed or killed job's are
 * aborted. A commit that fails turns the job's final status into FAILED with the reason.
 */
final class JobCommit {
    private static final Logger LOG = LoggerFactory.getLogger(JobCommit.class);

    private final JobContext job;
    private final OutputCommitter committer;

    private JobCommit(JobContext job, OutputCommitter committer) {
        this.job = requireNonNull(job, "job is null");
        this.committer = requireNonNull(committer, "committer is null");
    }

    /** The committer of the prepared job's output format, for the job the Scheduler numbered {@code id}. */
    static JobCommit of(JobContext prepared, JobId id) throws IOException {
        JobContext job = new JobContext(id, prepared.configuration(), prepared.classLoader());
        TaskAttemptContext attempt = new TaskAttemptContext(job, new TaskAttemptId(new TaskId(id, TaskType.MAP, 0), 0));
        return new JobCommit(job, job.newInstance(job.outputFormatClass()).committer(attempt));
    }

    /** Commits a succeeded job's output or aborts an ended one's; returns the status the job ends with. */
    JobStatus complete(JobStatus last) {
        if (last.state() != JobState.SUCCEEDED) {
            try {
                committer.abortJob(job);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not clean up the output of job {}: {}", job.jobId(), e.toString());
            }
            return last;
        }
        try {
            committer.commitJob(job);
            return last;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The commit of job {} failed", job.jobId(), e);
            return new JobStatus(last.id(), last.name(), JobState.FAILED, last.mapProgress(), last.reduceProgress(), last.maps(),
                    last.reduces(), last.counters(), "Job commit failed: " + e.getMessage(), last.startTimeMillis(),
                    last.finishTimeMillis());
        }
    }
}
