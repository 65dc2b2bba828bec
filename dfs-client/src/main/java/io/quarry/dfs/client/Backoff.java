package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

import io.quarry.common.time.Clock;

/** Exponential pauses from 20 ms to a maximum (1 s unless given), until a deadline. */
final class Backoff {
    private final Clock clock;
    private final long deadlineNanos;
    private final long maxPauseMillis;
    private long pauseMillis = 20;

    Backoff(Clock clock, long budgetMillis) {
        this(clock, budgetMillis, 1000);
    }

    Backoff(Clock clock, long budgetMillis, long maxPauseMillis) {
        this.clock = requireNonNull(clock, "clock is null");
        this.deadlineNanos = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        this.maxPauseMillis = Math.max(1, maxPauseMillis);
    }

    /** Pauses and returns true, or returns false at once when the budget is spent. */
    boolean pause() throws InterruptedIOException {
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - clock.nanoTime());
        if (remainingMillis <= 0) {
            return false;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(Math.min(Math.min(pauseMillis, maxPauseMillis), remainingMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry");
        }
        pauseMillis = Math.min(maxPauseMillis, pauseMillis * 2);
        return true;
    }
}
