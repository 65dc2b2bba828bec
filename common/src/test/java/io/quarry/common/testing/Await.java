package io.quarry.common.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by polling under a deadline; fails with a message saying what was awaited.
 * Tests use this instead of sleeping.
 */
public final class Await {
    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseNanos = 1_000_000L;
        while (true) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 50_000_000L);
        }
    }

    /** Like {@link #until} for a condition that may throw; exceptions count as "not yet". */
    public static void untilNoException(String what, Duration timeout, ThrowingRunnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        long pauseNanos = 1_000_000L;
        while (System.nanoTime() <= deadline) {
            try {
                check.run();
                return;
            } catch (Throwable e) {
                last = e;
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 50_000_000L);
        }
        AssertionError error = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
        if (last != null) {
            error.initCause(last);
        }
        throw error;
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
