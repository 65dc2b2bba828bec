package io.quarry.dfs.datanode.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CommandEpochsTest {
    @Test
    void commandsOfAnOlderEpochThanOneSeenAreDropped() {
        CommandEpochs epochs = new CommandEpochs();
        assertThat(epochs.admit(0)).as("no HA: epoch 0 always").isTrue();
        assertThat(epochs.admit(3)).isTrue();
        assertThat(epochs.admit(3)).isTrue();
        assertThat(epochs.admit(2)).as("a deposed active's commands").isFalse();
        assertThat(epochs.admit(4)).isTrue();
        assertThat(epochs.newest()).isEqualTo(4);
    }
}
