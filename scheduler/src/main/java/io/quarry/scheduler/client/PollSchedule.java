package io.quarry.scheduler.client;

import java.time.Duration;

/**
 * How long a client waits between asking the Scheduler about a job: an eighth of the time since
 * the job was submitted, between {@link #MIN_DELAY} and the configured poll interval. A tiny job's
 * end is seen within a few milliseconds of it happening; a job that runs for seconds costs one
 * call per interval however often its progress moves (asking every few milliseconds would take the
 * Scheduler's event thread from the work).
 */
final class PollSchedule {
    static final Duration MIN_DELAY = Duration.ofMillis(2);
    private static final int FRACTION_OF_RUNNING_TIME = 8;

    private final long maxNanos;

    PollSchedule(Duration pollInterval) {
        long interval = pollInterval == null || pollInterval.isNegative() ? 0 : pollInterval.toNanos();
        this.maxNanos = Math.max(interval, MIN_DELAY.toNanos());
    }

    /** The wait before the next call, {@code runningNanos} after the job was submitted. */
    long delayNanos(long runningNanos) {
        long proportional = Math.max(0, runningNanos) / FRACTION_OF_RUNNING_TIME;
        return Math.min(maxNanos, Math.max(MIN_DELAY.toNanos(), proportional));
    }
}
