package io.quarry.mapreduce.runtime.local;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.io.LocalFiles;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.RunningJob;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.output.OutputCommitter;
import io.quarry.mapreduce.output.OutputFormat;
import io.quarry.mapreduce.runtime.LocalMapOutputFetcher;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.mapreduce.runtime.MapTask;
import io.quarry.mapreduce.runtime.ReduceTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job run in-process: set-up, the map phase, the reduce phase, commit. Runs on its own thread;
 * {@link #status()} and {@link #kill()} may be called from any thread.
 */
final class LocalJob implements RunningJob {
    private static final Logger LOG = LoggerFactory.getLogger(LocalJob.class);

    private final JobContext job;
    private final List<InputSplit> splits;
    private final int numReduces;
    private final Path workRoot;
    private final long startMillis = System.currentTimeMillis();
    private final Counters finishedCounters = new Counters();
    private final TaskPhase mapPhase;
    private final TaskPhase reducePhase;
    private volatile JobState state = JobState.PREP;
    private volatile String failure = "";
    private volatile long finishMillis;
    private volatile Thread runner;
    private volatile boolean killRequested;
    private final Object changes = new Object();
    private long changeCount;

    private LocalJob(JobContext job, List<InputSplit> splits, Path workRoot) {
        this.job = job;
        this.splits = List.copyOf(splits);
        this.numReduces = job.numReduceTasks();
        this.workRoot = workRoot;
        this.mapPhase = new TaskPhase("map", splits.size());
        this.reducePhase = new TaskPhase("reduce", numReduces);
    }

    /** Checks the output and computes the splits, so a bad job fails at submission as in Hadoop. */
    static LocalJob prepare(JobId id, Configuration conf, ClassLoader loader) throws IOException {
        JobContext job = new JobContext(id, conf, loader);
        OutputFormat<?, ?> output = job.newInstance(job.outputFormatClass());
        output.checkOutputSpecs(job);
        InputFormat<?, ?> input = job.newInstance(job.inputFormatClass());
        List<InputSplit> splits = input.splits(job);
        return new LocalJob(job, splits, workRoot(conf, id));
    }

    void start() {
        Thread thread = new Thread(this::run, "local-" + job.jobId());
        thread.setDaemon(true);
        runner = thread;
        thread.start();
    }

    @Override
    public JobId id() {
        return job.jobId();
    }

    @Override
    public JobStatus status() {
        Counters counters;
        synchronized (finishedCounters) {
            counters = finishedCounters.copy();
        }
        return new JobStatus(job.jobId(), job.jobName(), CommonConfigKeys.currentUser(job.configuration()), state, mapPhase.progress(), reducePhase.progress(),
                mapPhase.counts(), reducePhase.counts(), counters, failure, startMillis, finishMillis);
    }

    @Override
    public JobStatus awaitStatusChange(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (changes) {
            long seen = changeCount;
            long left;
            while (changeCount == seen && !state.isFinished() && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(changes, left);
            }
        }
        return status();
    }

    /** Wakes clients waiting in {@link #awaitStatusChange}. */
    private void changed() {
        synchronized (changes) {
            changeCount++;
            changes.notifyAll();
        }
    }

    @Override
    public void kill() {
        if (state.isFinished()) {
            return;
        }
        killRequested = true;
        mapPhase.cancel();
        reducePhase.cancel();
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        state = JobState.RUNNING;
        OutputCommitter committer = null;
        JobContext taskJob = job;
        try {
            LocalResources resources = LocalResources.fit(job.configuration(), splits.size(), numReduces,
                    Runtime.getRuntime().maxMemory());
            taskJob = new JobContext(job.jobId(), resources.taskConf(), job.classLoader());
            committer = committerOf(taskJob, new TaskAttemptId(new TaskId(job.jobId(), TaskType.MAP, 0), 0));
            committer.setupJob(taskJob);
            if (killRequested) {
                throw new InterruptedException("killed before the first task");
            }
            List<MapOutput> outputs = runMaps(taskJob, resources.mapSlots());
            if (numReduces > 0) {
                runReduces(taskJob, resources.reduceSlots(), outputs);
            }
            committer.commitJob(taskJob);
            count(JobCounter.TOTAL_LAUNCHED_MAPS, splits.size());
            count(JobCounter.TOTAL_LAUNCHED_REDUCES, numReduces);
            finish(JobState.SUCCEEDED, "");
        } catch (Throwable e) {
            boolean killed = killRequested;
            String reason = killed ? "killed by the user" : describe(e);
            if (!killed) {
                LOG.error("Job {} failed: {}", job.jobId(), reason, e);
            }
            abort(committer, taskJob);
            finish(killed ? JobState.KILLED : JobState.FAILED, reason);
        }
    }

    private List<MapOutput> runMaps(JobContext taskJob, int slots) throws Exception {
        List<TaskPhase.Attempt<MapOutput>> attempts = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            InputSplit split = splits.get(i);
            TaskAttemptId attemptId = new TaskAttemptId(new TaskId(job.jobId(), TaskType.MAP, i), 0);
            TaskAttemptContext context = new TaskAttemptContext(taskJob, attemptId);
            Path workDir = workRoot.resolve(attemptId.toString());
            attempts.add(new TaskPhase.Attempt<>(context, () -> runMap(context, split, workDir)));
        }
        return mapPhase.run(attempts, slots, this::addCounters);
    }

    private MapOutput runMap(TaskAttemptContext context, InputSplit split, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        if (numReduces > 0) {
            return new MapTask(context, split, workDir).run();
        }
        return withCommit(context, () -> new MapTask(context, split, workDir).run());
    }

    private void runReduces(JobContext taskJob, int slots, List<MapOutput> outputs) throws Exception {
        List<TaskPhase.Attempt<MapOutput>> attempts = new ArrayList<>();
        for (int r = 0; r < numReduces; r++) {
            TaskAttemptId attemptId = new TaskAttemptId(new TaskId(job.jobId(), TaskType.REDUCE, r), 0);
            TaskAttemptContext context = new TaskAttemptContext(taskJob, attemptId);
            Path workDir = workRoot.resolve(attemptId.toString());
            attempts.add(new TaskPhase.Attempt<>(context, () -> {
                Files.createDirectories(workDir);
                return withCommit(context, () -> {
                    try (LocalMapOutputFetcher fetcher = new LocalMapOutputFetcher(outputs)) {
                        new ReduceTask(context, outputs.size(), fetcher, workDir).run();
                    }
                    return MapOutput.NONE;
                });
            }));
        }
        reducePhase.run(attempts, slots, this::addCounters);
    }

    /** Runs an attempt that writes job output: set up, run, commit; abort on failure. */
    private MapOutput withCommit(TaskAttemptContext context, TaskPhase.Work<MapOutput> work) throws Exception {
        OutputCommitter committer = committerOf(context, context.taskAttemptId());
        committer.setupTask(context);
        try {
            MapOutput result = work.run();
            if (committer.needsTaskCommit(context)) {
                committer.commitTask(context);
            }
            return result;
        } catch (Throwable e) {
            try {
                committer.abortTask(context);
            } catch (IOException | RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private OutputCommitter committerOf(JobContext context, TaskAttemptId attemptId) throws IOException {
        TaskAttemptContext attempt = context instanceof TaskAttemptContext a ? a : new TaskAttemptContext(context, attemptId);
        OutputFormat<?, ?> output = context.newInstance(context.outputFormatClass());
        return output.committer(attempt);
    }

    private void addCounters(TaskAttemptContext finished) {
        synchronized (finishedCounters) {
            finishedCounters.add(finished.counters());
        }
        changed();
    }

    private void count(JobCounter counter, long value) {
        synchronized (finishedCounters) {
            finishedCounters.counter(counter).increment(value);
        }
    }

    private void abort(OutputCommitter committer, JobContext taskJob) {
        if (committer == null) {
            return;
        }
        try {
            committer.abortJob(taskJob);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not clean up the output of job {}: {}", job.jobId(), e.toString());
        }
    }

    /** Cleans up the job's local files, then publishes the final state (callers may look at once). */
    private void finish(JobState finalState, String reason) {
        LocalFiles.deleteQuietly(workRoot);
        failure = reason;
        finishMillis = System.currentTimeMillis();
        state = finalState;
        changed();
    }

    private static String describe(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.toString() : shown.getMessage();
    }

    private static Path workRoot(Configuration conf, JobId id) {
        List<String> dirs = conf.getList(MapReduceConfigKeys.LOCAL_DIRS).stream().filter(d -> !d.isBlank()).toList();
        Path base = dirs.isEmpty()
                ? Paths.get(System.getProperty("java.io.tmpdir"), "quarry-" + CommonConfigKeys.currentUser(conf), "mapred-local")
                : Paths.get(dirs.get(0));
        return base.resolve(id.toString());
    }

    @Override
    public String toString() {
        return Objects.toString(job.jobId());
    }
}
