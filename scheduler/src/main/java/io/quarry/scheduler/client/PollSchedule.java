package io.quarry.scheduler.client;

import java.time.Duration;

/**
 * How long a client waits between asking the Scheduler about a job: an eighth of the time since
 * the job last moved, between {@link #MIN_DELAY} and the configured poll interval. A job that keeps
 * moving (a tiny job, a job with short tasks) is asked about every few milliseconds, so its end is
 * seen within about 20 ms; a long quiet job costs one call per interval.
 */
final class PollSchedule {
    static final Duration MIN_DELAY = Duration.ofMillis(2);
    private static final int FRACTION_OF_QUIET_TIME = 8;

    private final long maxNanos;

    PollSchedule(Duration pollInterval) {
        long interval = pollInterval == null || pollInterval.isNegative() ? 0 : pollInterval.toNanos();
        this.maxNanos = Math.max(interval, MIN_DELAY.toNanos());
    }

    /** The wait before the next call, when the job last changed {@code quietNanos} ago. */
    long delayNanos(long quietNanos) {
        long proportional = Math.max(0, quietNanos) / FRACTION_OF_QUIET_TIME;
        return Math.min(maxNanos, Math.max(MIN_DELAY.toNanos(), proportional));
    }
}
