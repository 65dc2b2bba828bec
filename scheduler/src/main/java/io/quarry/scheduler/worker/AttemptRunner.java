package io.quarry.scheduler.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.time.Clock;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.scheduler.core.AttemptReport;
import io.quarry.scheduler.core.AttemptState;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.scheduler.shuffle.MapOutputRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Runs the task attempts the Scheduler launches on this Worker, each on a named thread of a
 * bounded pool with its job's class loader, and keeps what the next heartbeat reports about them.
 * The daemon calls {@link #launch}, {@link #kill}, {@link #jobFinished}, {@link #heartbeatReports}
 * and, periodically, {@link #checkTimeouts}; time comes from the injected clock. Thread-safe.
 *
 * <p>A killed or timed-out attempt is reported at once; its thread is interrupted and aborts its
 * output as it leaves. Code that ignores interrupts keeps its pool thread until it returns, but
 * never changes the reported outcome.
 */
public final class AttemptRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

    private final Clock clock;
    private final JobLocalizer localizer;
    private final MapOutputRegistry registry;
    private final CommitPermission commitPermission;
    private final ExecutorService pool;
    private final Map<TaskAttemptId, RunningAttempt> attempts = new ConcurrentHashMap<>();

    /**
     * @param threads attempts that may run at once (the Worker's map plus reduce slots); more wait in line
     */
    public AttemptRunner(Clock clock, JobLocalizer localizer, MapOutputRegistry registry, CommitPermission commitPermission,
            int threads) {
        this("worker", clock, localizer, registry, commitPermission, threads);
    }

    /**
     * @param name    names the Worker in the attempt threads' names ({@code <name>-attempt-<n> <attempt id>})
     * @param threads attempts that may run at once (the Worker's map plus reduce slots); more wait in line
     */
    public AttemptRunner(String name, Clock clock, JobLocalizer localizer, MapOutputRegistry registry,
            CommitPermission commitPermission, int threads) {
        requireNonNull(name, "name is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.localizer = requireNonNull(localizer, "localizer is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.commitPermission = requireNonNull(commitPermission, "commitPermission is null");
        if (threads < 1) {
            throw new IllegalArgumentException("an attempt runner needs at least one thread, not " + threads);
        }
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                namedThreads(name));
    }

    /** Starts the attempt; a launch of an attempt this Worker already has is ignored. */
    public void launch(AttemptLaunch launch) {
        requireNonNull(launch, "launch is null");
        RunningAttempt attempt = new RunningAttempt(launch, clock.nanoTime());
        if (attempts.putIfAbsent(launch.attempt(), attempt) != null) {
            LOG.warn("{} is already on this Worker; ignoring the second launch", launch.attempt());
            return;
        }
        try {
            pool.execute(new AttemptExecution(attempt, localizer, registry, commitPermission));
            LOG.info("Launched {}", launch.attempt());
        } catch (RejectedExecutionException e) {
            attempt.finish(AttemptState.KILLED, "the Worker is shutting down", null);
            attempt.released();
        }
    }

    /**
     * Records an attempt that could not be set up to run (its split does not decode, its job cannot
     * be localized): the next heartbeat reports it FAILED with {@code error}.
     */
    public void failedToStart(AttemptLaunch launch, String error) {
        requireNonNull(launch, "launch is null");
        RunningAttempt attempt = new RunningAttempt(launch, clock.nanoTime());
        attempt.finish(AttemptState.FAILED, error, null);
        attempt.released();
        if (attempts.putIfAbsent(launch.attempt(), attempt) != null) {
            LOG.warn("{} is already on this Worker; ignoring its failed second launch", launch.attempt());
            return;
        }
        LOG.warn("{} could not start: {}", launch.attempt(), error);
    }

    /** The attempts still running, for a Worker that must give them up (the Scheduler no longer knows them). */
    public List<TaskAttemptId> running() {
        List<TaskAttemptId> running = new ArrayList<>();
        for (RunningAttempt attempt : attempts.values()) {
            if (attempt.isRunning()) {
                running.add(attempt.id());
            }
        }
        return running;
    }

    /** Stops a running attempt: it is reported KILLED and its output is discarded. False when it had already ended. */
    public boolean kill(TaskAttemptId id, String reason) {
        RunningAttempt attempt = attempts.get(requireNonNull(id, "id is null"));
        if (attempt == null || !attempt.stop(AttemptState.KILLED, "killed: " + (reason == null ? "" : reason))) {
            return false;
        }
        LOG.info("Killed {}: {}", id, reason);
        return true;
    }

    /**
     * Fails every running attempt that has shown no sign of life for its job's
     * {@code mapreduce.task.timeout} (0 disables it). The daemon calls this periodically.
     */
    public List<TaskAttemptId> checkTimeouts() {
        long now = clock.nanoTime();
        List<TaskAttemptId> timedOut = new ArrayList<>();
        for (RunningAttempt attempt : attempts.values()) {
            Duration timeout = attempt.launch().conf().getDuration(WorkerConfigKeys.TASK_TIMEOUT);
            if (timeout.isZero() || !attempt.hungFor(now, timeout.toNanos())) {
                continue;
            }
            String reason = attempt.id() + " timed out after " + timeout.toMillis() + " ms without progress ("
                    + WorkerConfigKeys.TASK_TIMEOUT.name() + ")";
            if (attempt.stop(AttemptState.FAILED, reason)) {
                LOG.warn("{}; killing it", reason);
                timedOut.add(attempt.id());
            }
        }
        return timedOut;
    }

    /**
     * What the next heartbeat says: every running attempt, and every attempt that ended since the
     * previous call (reported once, then forgotten).
     */
    public List<AttemptReport> heartbeatReports() {
        List<AttemptReport> reports = new ArrayList<>();
        for (Iterator<RunningAttempt> it = attempts.values().iterator(); it.hasNext(); ) {
            RunningAttempt attempt = it.next();
            AttemptReport report = attempt.report();
            reports.add(report);
            if (report.state().isFinished()) {
                it.remove();
            }
        }
        return reports;
    }

    /** The attempt's current report, or null when this Worker does not have it (or has reported its end). */
    public AttemptReport report(TaskAttemptId id) {
        RunningAttempt attempt = attempts.get(requireNonNull(id, "id is null"));
        return attempt == null ? null : attempt.report();
    }

    /** Completes when the attempt's thread is done with it (output committed or aborted); null when unknown. */
    public CompletableFuture<Void> whenDone(TaskAttemptId id) {
        RunningAttempt attempt = attempts.get(requireNonNull(id, "id is null"));
        return attempt == null ? null : attempt.done();
    }

    /** The job ended: kills its attempts, stops serving its map outputs, deletes its files and closes its class loader. */
    public void jobFinished(JobId job) {
        requireNonNull(job, "job is null");
        for (RunningAttempt attempt : attempts.values()) {
            if (attempt.id().jobId().equals(job)) {
                attempt.stop(AttemptState.KILLED, "killed: job " + job + " finished");
            }
        }
        List<MapOutput> removed = registry.removeJob(job);
        localizer.release(job);
        LOG.info("Job {} finished: removed {} map outputs", job, removed.size());
    }

    @Override
    public void close() {
        for (RunningAttempt attempt : attempts.values()) {
            attempt.stop(AttemptState.KILLED, "killed: the Worker is shutting down");
        }
        pool.shutdownNow();
    }

    /**
     * After {@link #close}: waits for the attempt threads to finish cleaning up; false when some are
     * still busy (code that ignores interrupts) after {@code timeout}.
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static ThreadFactory namedThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-attempt-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught error on {}", t.getName(), e));
            return thread;
        };
    }
}
