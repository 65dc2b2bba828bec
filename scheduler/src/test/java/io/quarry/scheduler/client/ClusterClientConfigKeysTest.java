package io.quarry.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.conf.ConfigException;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins the job client's key names and defaults: changing one is a user-visible change. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ClusterClientConfigKeysTest {
    @Test
    void keysAreRegisteredThroughTheServiceLoader() {
        KnownKeys known = KnownKeys.load();
        for (ConfigKey key : new ClusterClientConfigKeys().keys()) {
            assertThat(known.contains(key.name())).as(key.name()).isTrue();
        }
    }

    @Test
    void stagingUsesHadoopsKeyUnderTmp() {
        assertThat(ClusterClientConfigKeys.STAGING_ROOT.name()).isEqualTo("mapreduce.jobtracker.staging.root.dir");
        assertThat(Configuration.empty().getString(ClusterClientConfigKeys.STAGING_ROOT)).isEqualTo("/tmp/quarry/staging");
    }

    @Test
    void clientsCallAWildcardBindAddressOnLoopbackAndABadOneNamesTheKey() {
        assertThat(SchedulerAddress.forClient(Configuration.empty())).isEqualTo(new HostAndPort("127.0.0.1", 8030));
        assertThat(SchedulerAddress.forClient(Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "sched-1:9030")))
                .isEqualTo(new HostAndPort("sched-1", 9030));
        assertThatThrownBy(() -> SchedulerAddress.forClient(Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "nowhere")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("quarry.scheduler.address").hasMessageContaining("nowhere");
    }
}
