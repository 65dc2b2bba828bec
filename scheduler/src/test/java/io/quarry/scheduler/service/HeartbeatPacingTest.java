package io.quarry.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HeartbeatPacingTest {
    private final HeartbeatPacing pacing = new HeartbeatPacing(Duration.ofMillis(50), 500);

    @Test
    void smallClustersHeartbeatAtTheLeastInterval() {
        assertThat(pacing.nextIntervalMillis(0)).isEqualTo(50);
        assertThat(pacing.nextIntervalMillis(1)).isEqualTo(50);
        assertThat(pacing.nextIntervalMillis(25)).isEqualTo(50);
    }

    @Test
    void largeClustersSpreadTheHeartbeatsSoTheSchedulerGetsAtMostItsRate() {
        assertThat(pacing.nextIntervalMillis(26)).isEqualTo(52);
        assertThat(pacing.nextIntervalMillis(1000)).isEqualTo(2000);
        assertThat(pacing.nextIntervalMillis(1001)).isEqualTo(2002);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new HeartbeatPacing(Duration.ZERO, 10)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new HeartbeatPacing(Duration.ofMillis(10), 0)).hasMessageContaining("at least 1");
    }
}
