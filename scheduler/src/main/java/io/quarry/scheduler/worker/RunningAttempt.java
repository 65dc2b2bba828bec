package io.quarry.scheduler.worker;

import java.util.concurrent.CompletableFuture;

import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.scheduler.core.AttemptReport;
import io.quarry.scheduler.core.AttemptState;

import static java.util.Objects.requireNonNull;

/**
 * One attempt on this Worker: its state, the thread running it, and when it last showed a sign of
 * life. The first transition out of RUNNING wins, so a kill or a timeout decides the outcome even
 * if the attempt's code then finishes; the thread still cleans up after itself. Thread-safe.
 */
final class RunningAttempt {
    private final AttemptLaunch launch;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private AttemptState state = AttemptState.RUNNING;
    private String error = "";
    private Counters finalCounters;
    private TaskAttemptContext context;
    private Thread thread;
    private long seenActivity;
    private long seenAtClockNanos;

    RunningAttempt(AttemptLaunch launch, long launchedAtClockNanos) {
        this.launch = requireNonNull(launch, "launch is null");
        this.seenAtClockNanos = launchedAtClockNanos;
    }

    TaskAttemptId id() {
        return launch.attempt();
    }

    AttemptLaunch launch() {
        return launch;
    }

    /** Completes when the attempt's thread has finished with it, output committed or aborted. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Called on the attempt's thread; false when the attempt was killed before it started. */
    synchronized boolean start(Thread runner) {
        thread = runner;
        return state == AttemptState.RUNNING;
    }

    /** Called on the attempt's thread once its context exists, so progress and activity can be watched. */
    synchronized void running(TaskAttemptContext attemptContext) {
        context = attemptContext;
    }

    synchronized AttemptState state() {
        return state;
    }

    synchronized boolean isRunning() {
        return state == AttemptState.RUNNING;
    }

    /** Moves out of RUNNING; false when something else already did. */
    synchronized boolean finish(AttemptState outcome, String errorText, Counters counters) {
        if (state != AttemptState.RUNNING) {
            return false;
        }
        state = outcome;
        error = errorText == null ? "" : errorText;
        finalCounters = counters == null ? new Counters() : counters;
        return true;
    }

    /** Ends the attempt from outside (kill or timeout) and interrupts its thread; false when it had already ended. */
    synchronized boolean stop(AttemptState outcome, String reason) {
        if (!finish(outcome, reason, null)) {
            return false;
        }
        if (thread != null) {
            thread.interrupt();
        }
        return true;
    }

    /** Called on the attempt's thread as it lets go of the attempt. */
    synchronized void released() {
        thread = null;
        done.complete(null);
    }

    /**
     * Whether the attempt has shown no sign of life for {@code timeoutNanos} of the Worker's clock;
     * the attempt's own activity stamp is only compared with what the previous check saw.
     */
    synchronized boolean hungFor(long nowClockNanos, long timeoutNanos) {
        if (state != AttemptState.RUNNING) {
            return false;
        }
        if (context != null && context.lastActivityNanos() != seenActivity) {
            seenActivity = context.lastActivityNanos();
            seenAtClockNanos = nowClockNanos;
            return false;
        }
        return nowClockNanos - seenAtClockNanos >= timeoutNanos;
    }

    /** The report for the next heartbeat; counters only once the attempt's thread is done with them. */
    synchronized AttemptReport report() {
        float progress = context == null ? 0f : context.progress();
        return switch (state) {
            case RUNNING -> AttemptReport.running(id(), progress);
            case SUCCEEDED -> AttemptReport.succeeded(id(), finalCounters);
            case FAILED, KILLED -> new AttemptReport(id(), state, progress, finalCounters, error);
        };
    }
}
