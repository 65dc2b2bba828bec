package io.quarry.scheduler.worker;

import java.io.IOException;
import java.nio.file.Path;

import io.quarry.common.io.LocalFiles;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.output.OutputCommitter;
import io.quarry.mapreduce.output.OutputFormat;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.mapreduce.runtime.MapTask;
import io.quarry.mapreduce.runtime.ReduceTask;
import io.quarry.scheduler.core.AttemptState;
import io.quarry.scheduler.protocol.SerializedSplit;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.shuffle.MapOutputRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Runs one attempt on the current thread: sets the job up, runs the map or reduce task with the
 * job's class loader as context loader (decoding a map's {@link SerializedSplit} with it), then
 * publishes the result. A map with reducers registers
 * its output for the shuffle; a reduce or map-only attempt commits its output only with the
 * Scheduler's permission. Anything the task throws, Errors included, fails only this attempt; a
 * killed, timed-out, failed or denied attempt leaves no output behind.
 */
final class AttemptExecution implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptExecution.class);

    private final RunningAttempt attempt;
    private final JobLocalizer localizer;
    private final MapOutputRegistry registry;
    private final CommitPermission commitPermission;

    AttemptExecution(RunningAttempt attempt, JobLocalizer localizer, MapOutputRegistry registry,
            CommitPermission commitPermission) {
        this.attempt = requireNonNull(attempt, "attempt is null");
        this.localizer = requireNonNull(localizer, "localizer is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.commitPermission = requireNonNull(commitPermission, "commitPermission is null");
    }

    @Override
    public void run() {
        Thread thread = Thread.currentThread();
        String poolName = thread.getName();
        ClassLoader poolLoader = thread.getContextClassLoader();
        thread.setName(poolName + " " + attempt.id());
        try {
            if (attempt.start(thread)) {
                execute(thread);
            }
        } finally {
            attempt.released();
            Thread.interrupted();
            thread.setContextClassLoader(poolLoader);
            thread.setName(poolName);
        }
    }

    private void execute(Thread thread) {
        AttemptLaunch launch = attempt.launch();
        TaskAttemptId id = launch.attempt();
        TaskAttemptContext context = null;
        OutputCommitter committer = null;
        Path workDir = null;
        try {
            LocalizedJob job = localizer.localize(id.jobId(), launch.conf(), launch.jobJar());
            thread.setContextClassLoader(job.classLoader());
            context = new TaskAttemptContext(new JobContext(id.jobId(), launch.conf(), job.classLoader()), id);
            attempt.running(context);
            workDir = job.attemptDir(id);
            boolean writesJobOutput = !launch.isMap() || context.numReduceTasks() == 0;
            if (writesJobOutput) {
                committer = committerOf(context);
                committer.setupTask(context);
            }
            MapOutput output = runTask(launch, context, workDir, job.classLoader());
            if (writesJobOutput) {
                commit(context, committer);
            } else if (attempt.isRunning()) {
                registry.register(id, output);
                if (!attempt.finish(AttemptState.SUCCEEDED, null, context.counters())) {
                    registry.remove(id);
                }
            }
        } catch (Throwable e) {
            boolean ours = attempt.finish(AttemptState.FAILED, describe(e), context == null ? null : context.counters());
            if (ours) {
                LOG.warn("{} failed", id, e);
            } else {
                LOG.info("{} ended as {} and then stopped with {}", id, attempt.state(), e.toString());
            }
        } finally {
            // The attempt has ended and nothing interrupts it any more; a kill's interrupt must not disturb the clean-up.
            Thread.interrupted();
            closeFetcher(launch);
            if (attempt.state() != AttemptState.SUCCEEDED) {
                abort(context, committer);
                if (workDir != null) {
                    LocalFiles.deleteQuietly(workDir);
                }
            } else if (!launch.isMap() || committer != null) {
                LocalFiles.deleteQuietly(workDir);
            }
        }
    }

    private static MapOutput runTask(AttemptLaunch launch, TaskAttemptContext context, Path workDir, ClassLoader jobLoader)
            throws Exception {
        if (launch.isMap()) {
            // A split as it came from the Scheduler is decoded here, with the job's classes, off the heartbeat thread.
            InputSplit split = launch.split() instanceof SerializedSplit serialized
                    ? SplitCodec.decode(serialized, jobLoader) : launch.split();
            return new MapTask(context, split, workDir).run();
        }
        new ReduceTask(context, launch.numMaps(), launch.fetcher(), workDir).run();
        return MapOutput.NONE;
    }

    /** Commits with the Scheduler's permission; without it the attempt ends KILLED and its output is aborted. */
    private void commit(TaskAttemptContext context, OutputCommitter committer) throws Exception {
        TaskAttemptId id = context.taskAttemptId();
        if (!attempt.isRunning()) {
            return;
        }
        if (!commitPermission.canCommit(id)) {
            attempt.finish(AttemptState.KILLED, "the Scheduler denied " + id + " the commit: another attempt of "
                    + id.taskId() + " commits", context.counters());
            LOG.info("{} may not commit; its output is discarded", id);
            return;
        }
        if (committer.needsTaskCommit(context)) {
            committer.commitTask(context);
        }
        if (!attempt.finish(AttemptState.SUCCEEDED, null, context.counters())) {
            LOG.warn("{} committed its output but was stopped as {} meanwhile", id, attempt.state());
        }
    }

    private void abort(TaskAttemptContext context, OutputCommitter committer) {
        if (committer == null) {
            return;
        }
        try {
            committer.abortTask(context);
        } catch (Exception | LinkageError e) {
            LOG.warn("Could not abort the output of {}: {}", context.taskAttemptId(), e.toString());
        }
    }

    private static OutputCommitter committerOf(TaskAttemptContext context) throws IOException {
        OutputFormat<?, ?> format = context.newInstance(context.outputFormatClass());
        return format.committer(context);
    }

    private static void closeFetcher(AttemptLaunch launch) {
        if (launch.fetcher() == null) {
            return;
        }
        try {
            launch.fetcher().close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the map output fetcher of {} failed: {}", launch.attempt(), e.toString());
        }
    }

    /** The error as the Scheduler and the user see it: the throwable and its causes, one line each. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && cause != e && depth < 5; depth++, cause = cause.getCause()) {
            if (!text.toString().contains(cause.toString())) {
                text.append("\nCaused by: ").append(cause);
            }
        }
        return text.toString();
    }
}
