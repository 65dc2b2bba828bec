package io.quarry.common.rpc;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void backoffDoublesWithinAQuarterOfJitter() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1).toMillis()).isBetween(75L, 125L);
            assertThat(policy.backoff(2).toMillis()).isBetween(150L, 250L);
            assertThat(policy.backoff(4).toMillis()).isBetween(600L, 1000L);
        }
    }

    @Test
    void backoffIsCappedEvenAfterManyAttempts() {
        for (int attempt : new int[] {7, 30, 64, Integer.MAX_VALUE}) {
            assertThat(policy.backoff(attempt).toMillis()).as("attempt %d", attempt).isBetween(3750L, 6250L);
        }
    }

    @Test
    void noRetriesMeansOneAttemptAndNoWait() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.none().backoff(1)).isEqualTo(Duration.ZERO);
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}
