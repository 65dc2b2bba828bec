package io.quarry.common.rpc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before each retry, and when to give up. What may be retried is decided by the
 * caller (by error category and {@link Idempotent}); this only decides the timing.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before attempt {@code attempt + 1} (attempts count from 1), with ±25% jitter. */
    public Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = capped / 4;
        long wait = jitter == 0 ? capped : capped - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1);
        return Duration.ofMillis(Math.max(0, wait));
    }
}
