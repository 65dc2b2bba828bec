package io.quarry.common.ha;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins the HA keys, their defaults, and that HA is off without a quorum. */
@Timeout(10)
class HaConfigKeysTest {
    @Test
    void keyNamesFollowHadoopWhereItHasTheConcept() {
        assertThat(HaConfigKeys.QUORUM.name()).isEqualTo("ha.zookeeper.quorum");
        assertThat(HaConfigKeys.SESSION_TIMEOUT.name()).isEqualTo("ha.zookeeper.session-timeout.ms");
        assertThat(HaConfigKeys.CLUSTER_ID.name()).isEqualTo("quarry.ha.cluster-id");
        assertThat(HaConfigKeys.CONNECT_TIMEOUT.name()).isEqualTo("quarry.ha.zookeeper.connect-timeout");
        assertThat(HaConfigKeys.ZOOKEEPER_DATA_DIR.name()).isEqualTo("quarry.zookeeper.data.dir");
        assertThat(HaConfigKeys.ZOOKEEPER_CLIENT_PORT.name()).isEqualTo("quarry.zookeeper.client.port");
        assertThat(HaConfigKeys.ZOOKEEPER_BIND_HOST.name()).isEqualTo("quarry.zookeeper.bind-host");
        assertThat(HaConfigKeys.ZOOKEEPER_TICK_TIME.name()).isEqualTo("quarry.zookeeper.tick-time");
    }

    @Test
    void defaultsLeaveHaOff() {
        HaSettings settings = HaSettings.from(Configuration.empty());
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.quorum()).isEmpty();
        assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.clusterId()).isEqualTo("quarry");
        assertThat(settings.namespace()).isEqualTo("quarry/quarry");
        Configuration conf = Configuration.empty();
        assertThat(conf.getInt(HaConfigKeys.ZOOKEEPER_CLIENT_PORT)).isEqualTo(2181);
        assertThat(conf.getString(HaConfigKeys.ZOOKEEPER_DATA_DIR)).isNull();
        assertThat(conf.getString(HaConfigKeys.ZOOKEEPER_BIND_HOST)).isEqualTo("0.0.0.0");
        assertThat(conf.getDuration(HaConfigKeys.ZOOKEEPER_TICK_TIME)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void blankQuorumMeansHaOffAndConnectingSaysSo() {
        HaSettings settings = HaSettings.from(Configuration.of(Map.of("ha.zookeeper.quorum", "  ")));
        assertThat(settings.enabled()).isFalse();
        assertThatThrownBy(() -> ZooKeeperClients.connect(settings))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ha.zookeeper.quorum");
    }

    @Test
    void sessionTimeoutBareNumbersAreMillisecondsLikeHadoop() {
        HaSettings settings = HaSettings.from(Configuration.of(Map.of(
                "ha.zookeeper.quorum", "zk1:2181,zk2:2181", "ha.zookeeper.session-timeout.ms", "5000",
                "quarry.ha.cluster-id", "prod")));
        assertThat(settings.quorum()).isEqualTo(Optional.of("zk1:2181,zk2:2181"));
        assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.namespace()).isEqualTo("quarry/prod");
    }

    @Test
    void clusterIdWithASlashIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> HaSettings.from(Configuration.of(Map.of("quarry.ha.cluster-id", "a/b"))))
                .hasMessageContaining("quarry.ha.cluster-id").hasMessageContaining("a/b");
    }

    @Test
    void everyKeyIsKnownAndDescribed() {
        assertThat(new HaConfigKeys().keys()).hasSize(8).allSatisfy(key -> assertThat(key.description()).isNotBlank());
        KnownKeys known = KnownKeys.load();
        assertThat(new HaConfigKeys().keys()).allSatisfy(key -> assertThat(known.contains(key.name())).as(key.name()).isTrue());
    }
}
