package io.quarry.minicluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Polls a condition under a deadline and says what it waited for when the deadline passes. */
public final class Polling {
    private Polling() {
    }

    public interface Check {
        /** Null when the condition holds, otherwise what is still missing. */
        String missing() throws Exception;
    }

    public static void await(String what, Duration timeout, Check check) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 10;
        String missing = null;
        Exception last = null;
        while (true) {
            try {
                missing = check.missing();
                last = null;
                if (missing == null) {
                    return;
                }
            } catch (Exception e) {
                last = e;
                missing = e.toString();
            }
            if (System.nanoTime() > deadline) {
                TimeoutException timedOut = new TimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for "
                        + what + ": " + missing);
                if (last != null) {
                    timedOut.initCause(last);
                }
                throw timedOut;
            }
            TimeUnit.MILLISECONDS.sleep(pauseMillis);
            pauseMillis = Math.min(200, pauseMillis * 2);
        }
    }
}
