package io.quarry.scheduler.core;

import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskType;

/** Snapshots a job as the user-facing {@link JobStatus}: progress, task counts, counters (winning attempts' plus the job's own). */
final class JobStatusView {
    private JobStatusView() {
    }

    static JobStatus snapshot(JobInProgress job) {
        Counters counters = job.jobCounters().copy();
        for (TaskType type : TaskType.values()) {
            for (TaskInProgress task : job.tasks(type)) {
                if (task.succeededAttempt() != null) {
                    counters.add(task.succeededAttempt().counters());
                }
            }
        }
        return new JobStatus(job.id(), job.spec().name(), job.spec().user(), job.state(), progress(job, TaskType.MAP), progress(job, TaskType.REDUCE),
                counts(job, TaskType.MAP), counts(job, TaskType.REDUCE), counters, job.failure(), job.submitWallMillis(),
                job.state().isFinished() ? job.finishWallMillis() : 0L);
    }

    private static float progress(JobInProgress job, TaskType type) {
        if (job.tasks(type).isEmpty()) {
            return job.state().isFinished() || type == TaskType.REDUCE && job.succeeded(TaskType.MAP) == job.tasks(TaskType.MAP).size()
                    ? 1f : 0f;
        }
        double sum = 0;
        for (TaskInProgress task : job.tasks(type)) {
            if (task.isSucceeded()) {
                sum += 1;
            } else {
                float best = 0;
                for (TaskAttempt attempt : task.runningAttempts()) {
                    best = Math.max(best, attempt.progress());
                }
                sum += best;
            }
        }
        return (float) (sum / job.tasks(type).size());
    }

    private static JobStatus.TaskCounts counts(JobInProgress job, TaskType type) {
        int running = 0;
        int succeeded = 0;
        int failed = 0;
        int killed = 0;
        for (TaskInProgress task : job.tasks(type)) {
            if (task.isSucceeded()) {
                succeeded++;
            }
            for (TaskAttempt attempt : task.attempts()) {
                switch (attempt.state()) {
                    case RUNNING -> running++;
                    case FAILED -> failed++;
                    case KILLED -> killed++;
                    case SUCCEEDED -> { }
                }
            }
        }
        return new JobStatus.TaskCounts(job.tasks(type).size(), running, succeeded, failed, killed);
    }
}
