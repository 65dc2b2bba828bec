package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.Configuration;
import io.quarry.common.io.LocalFiles;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.output.FileOutputCommitter;
import io.quarry.mapreduce.output.OutputCommitter;
import io.quarry.scheduler.worker.JobLocalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's last step, taken by the Scheduler so it happens whether or not the client is still
 * there: once every task succeeded, the job's output committer publishes the committed task
 * outputs ({@code _SUCCESS} included); a failed or killed job's output is aborted. Either way the
 * job's staging directory goes afterwards. Runs on a
 * thread of its own (filesystem calls never hold up the event thread), with the job's classes
 * loaded from its staged jar, and reports each commit's outcome ({@code ""} or the error).
 */
final class JobOutputCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobOutputCommitter.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.named("scheduler-commit-%d"));
    private final Path localDir;
    private final JobLocalizer localizer;
    private final BiConsumer<JobId, String> outcome;

    /** @param outcome told, on the commit thread, how each commit ended: {@code ""} or what went wrong */
    JobOutputCommitter(BiConsumer<JobId, String> outcome) {
        this.outcome = requireNonNull(outcome, "outcome is null");
        try {
            this.localDir = Files.createTempDirectory("quarry-scheduler-jobs");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Scheduler's directory for job jars", e);
        }
        this.localizer = new JobLocalizer(localDir, JobOutputCommitter.class.getClassLoader());
    }

    /** Publishes the output of a job whose tasks all succeeded; the outcome follows. */
    void commit(SubmittedJob job) {
        submit(job, () -> {
            String error = "";
            try {
                committer(job).run(true);
                LOG.info("Committed the output of {}", job.id());
            } catch (Exception | LinkageError e) {
                LOG.warn("The output commit of {} failed", job.id(), e);
                error = e.toString();
            }
            finished(job);
            outcome.accept(job.id(), error);
        }, "commit");
    }

    /** Removes what a failed or killed job left in its output directory; best effort, no outcome. */
    void abort(SubmittedJob job) {
        submit(job, () -> {
            try {
                committer(job).run(false);
            } catch (Exception | LinkageError e) {
                LOG.warn("Could not clean up the output of {}: {}", job.id(), e.toString());
            }
            finished(job);
        }, "abort");
    }

    /**
     * For a job a new active Scheduler takes over: removes the task outputs that attempts of the
     * previous active committed but that it did not record as succeeded (those tasks run again, and
     * their new attempts must be able to commit). Only {@link FileOutputCommitter} output is known;
     * other committers are left alone. Runs on the calling thread, before the job's tasks are handed
     * out again.
     */
    void discardUnrecordedTaskCommits(SubmittedJob job, Set<TaskId> succeeded) throws IOException {
        JobContext context = context(job);
        OutputCommitter committer = outputCommitter(job, context);
        if (!(committer instanceof FileOutputCommitter files)) {
            return;
        }
        io.quarry.dfs.Path temporary = files.outputDir().child(FileOutputCommitter.TEMPORARY);
        Set<String> keep = new HashSet<>();
        for (TaskId task : succeeded) {
            keep.add(task.toString());
        }
        try (FileSystem fs = FileSystem.get(temporary, context.configuration())) {
            if (!fs.exists(temporary)) {
                return;
            }
            for (FileStatus entry : fs.listStatus(temporary)) {
                String name = entry.path().name();
                if (name.startsWith("task_") && !keep.contains(name)) {
                    LOG.info("{}: removing {}, committed by an attempt the previous active Scheduler did not record", job.id(),
                            entry.path());
                    fs.delete(entry.path(), true);
                }
            }
        }
    }

    /** Drops the job's classes and its staging directory: nothing reads them any more. */
    private void finished(SubmittedJob job) {
        if (Files.exists(localizer.jobDir(job.id()))) {
            localizer.release(job.id());
        }
        localizer.forget(job.id());
        String staging = job.conf().get(MapReduceConfigKeys.JOB_DIR.name());
        if (staging == null || staging.isBlank()) {
            return;
        }
        io.quarry.dfs.Path dir = new io.quarry.dfs.Path(staging);
        try (FileSystem fs = FileSystem.get(dir, Configuration.of(job.conf()))) {
            fs.delete(dir, true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove the staging directory {} of {}: {}", staging, job.id(), e.toString());
        }
    }

    private void submit(SubmittedJob job, Runnable work, String what) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.warn("The Scheduler is shutting down: the output {} of {} does not happen", what, job.id());
        }
    }

    /**
     * The job's committer, built with its classes; {@code run(true)} commits, {@code run(false)}
     * aborts. The job jar is fetched only when the output format is not one of the Scheduler's own
     * classes: a job class loader asks its parent first, so for those the jar would change nothing.
     */
    private CommitStep committer(SubmittedJob job) throws IOException {
        JobContext context = context(job);
        OutputCommitter committer = outputCommitter(job, context);
        return commit -> {
            if (commit) {
                committer.commitJob(context);
            } else {
                committer.abortJob(context);
            }
        };
    }

    private JobContext context(SubmittedJob job) throws IOException {
        Configuration conf = Configuration.of(job.conf());
        ClassLoader own = JobOutputCommitter.class.getClassLoader();
        ClassLoader loader = own;
        if (!job.jarPath().isEmpty() && !loadable(conf.getString(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS), own)) {
            loader = localizer.localize(job.id(), conf, job.jarPath()).classLoader();
        }
        return new JobContext(job.id(), conf, loader);
    }

    private static OutputCommitter outputCommitter(SubmittedJob job, JobContext context) throws IOException {
        TaskAttemptContext attempt = new TaskAttemptContext(context, new TaskAttemptId(new TaskId(job.id(), TaskType.MAP, 0), 0));
        return context.newInstance(context.outputFormatClass()).committer(attempt);
    }

    private static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface CommitStep {
        void run(boolean commit) throws IOException;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Job output commits still running after 10 s; stopping them");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        LocalFiles.deleteQuietly(localDir);
    }
}
