package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.ConfigValidator;
import io.quarry.common.conf.KnownKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;

@Timeout(10)
class NameNodeConfigTest {
    @Test
    void defaultsFollowHadoop() {
        NameNodeConfig config = NameNodeConfig.from(Configuration.of(Map.of("quarry.user.name", "zed", "quarry.tmp.dir", "/base")));
        assertThat(config.rpcAddress()).isEqualTo(new HostAndPort("127.0.0.1", 8020));
        assertThat(config.rpcBindAddress()).isEqualTo(config.rpcAddress());
        assertThat(config.httpAddress()).isEqualTo(new HostAndPort("127.0.0.1", 9870));
        assertThat(config.nameDir()).isEqualTo(Path.of("/base/dfs/name"));
        assertThat(config.deadAfter()).isEqualTo(Duration.ofMinutes(10).plusSeconds(30));
        assertThat(config.defaultReplication()).isEqualTo((short) 3);
        assertThat(config.blockSize()).isEqualTo(128L << 20);
        assertThat(config.safeModeThreshold()).isEqualTo(0.999);
        assertThat(config.leaseHardLimit()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.superuser()).isEqualTo("zed");
        assertThat(config.superuserGroup()).isEqualTo("supergroup");
        assertThat(config.monitorInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void rpcAddressComesFromDefaultFsUnlessSetAndBindHostOverridesTheHost() {
        Configuration conf = Configuration.of(Map.of("fs.defaultFS", "qfs://nn.example:9000", "dfs.namenode.rpc-bind-host", "0.0.0.0"));
        NameNodeConfig config = NameNodeConfig.from(conf);
        assertThat(config.rpcAddress()).isEqualTo(new HostAndPort("nn.example", 9000));
        assertThat(config.rpcBindAddress()).isEqualTo(new HostAndPort("0.0.0.0", 9000));
        assertThat(NameNodeConfig.from(conf.with("dfs.namenode.rpc-address", "10.0.0.1:1234")).rpcAddress())
                .isEqualTo(new HostAndPort("10.0.0.1", 1234));
    }

    @Test
    void deadIntervalUsesBothHeartbeatKeys() {
        Configuration conf = Configuration.of(Map.of("dfs.heartbeat.interval", "1", "dfs.namenode.heartbeat.recheck-interval", "100"));
        assertThat(NameNodeConfig.from(conf).deadAfter()).isEqualTo(Duration.ofMillis(10_200));
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> NameNodeConfig.from(Configuration.of(Map.of("dfs.namenode.replication.min", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dfs.namenode.replication.min");
    }

    @Test
    void staticGroupKeysAreKnownToTheValidatorWhileNearMissesAreReported() {
        ConfigValidator validator = new ConfigValidator(KnownKeys.load());
        assertThat(validator.unknownKeys(Configuration.of(Map.of("quarry.security.groups.alice", "staff,ops")))).isEmpty();
        assertThat(validator.unknownKeys(Configuration.of(Map.of("quarry.security.group.alice", "staff"))))
                .singleElement().asString().contains("quarry.security.group.alice");
    }
}
