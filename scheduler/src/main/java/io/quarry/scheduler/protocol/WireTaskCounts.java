package io.quarry.scheduler.protocol;

/** The wire form of {@link io.quarry.mapreduce.JobStatus.TaskCounts}. */
public record WireTaskCounts(int total, int running, int succeeded, int failedAttempts, int killedAttempts) {
}
