package io.quarry.common.time;

/** The source of time for every component, so tests can drive it by hand. */
public interface Clock {
    /** Wall-clock milliseconds since the epoch, for timestamps users see. */
    long currentTimeMillis();

    /** Monotonic nanoseconds, for timeouts and intervals. */
    long nanoTime();

    default long monotonicMillis() {
        return nanoTime() / 1_000_000L;
    }

    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
