package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.dfs.namenode.controller.RetryCache;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RetryCacheTest {
    @Test
    void answersARetryByClientAndCallIdAndForgetsTheOldestBeyondItsCapacity() {
        RetryCache cache = new RetryCache(2);
        cache.record("client-a", 1, "first");
        cache.record("client-b", 1, null);
        assertThat(cache.lookup("client-a", 1)).hasValueSatisfying(answer -> assertThat(answer.reply()).isEqualTo("first"));
        assertThat(cache.lookup("client-b", 1)).as("an acknowledgement without a body").isPresent();
        assertThat(cache.lookup("client-a", 2)).isEmpty();

        cache.record("client-a", 2, "third");

        assertThat(cache.lookup("client-a", 1)).isEmpty();
        assertThat(cache.lookup("client-a", 2)).isPresent();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new RetryCache(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }
}
