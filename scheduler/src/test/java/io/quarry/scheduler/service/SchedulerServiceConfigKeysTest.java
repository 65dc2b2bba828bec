package io.quarry.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pins the Scheduler daemon's key names and defaults: changing one is a user-visible change. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SchedulerServiceConfigKeysTest {
    @Test
    void keysAreRegisteredThroughTheServiceLoader() {
        KnownKeys known = KnownKeys.load();
        for (ConfigKey key : new SchedulerServiceConfigKeys().keys()) {
            assertThat(known.contains(key.name())).as(key.name()).isTrue();
        }
    }

    @Test
    void defaultsMatchHadoopsSchedulerPortAndCheckEverySecond() {
        Configuration conf = Configuration.empty();
        assertThat(SchedulerServiceConfigKeys.ADDRESS.name()).isEqualTo("quarry.scheduler.address");
        assertThat(conf.getString(SchedulerServiceConfigKeys.ADDRESS)).isEqualTo("0.0.0.0:8030");
        assertThat(conf.getDuration(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void haClientsLookForTheActiveForAMinuteAndSchedulersPublishTheirBoundAddress() {
        Configuration conf = Configuration.empty();
        assertThat(SchedulerServiceConfigKeys.CLIENT_FAILOVER_TIMEOUT.name()).isEqualTo("quarry.scheduler.client.failover-timeout");
        assertThat(conf.getDuration(SchedulerServiceConfigKeys.CLIENT_FAILOVER_TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SchedulerServiceConfigKeys.ADVERTISED_ADDRESS.name()).isEqualTo("quarry.scheduler.ha.advertised-address");
        assertThat(conf.getString(SchedulerServiceConfigKeys.ADVERTISED_ADDRESS)).isNull();
    }
}
