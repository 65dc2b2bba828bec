package io.quarry.dfs.datanode;

import java.nio.file.Path;
import java.time.Duration;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class DataNodeConfigTest {
    @Test
    void defaultsFollowHadoopsKeys() {
        DataNodeConfig config = DataNodeConfig.from(Configuration.empty().with("quarry.tmp.dir", "/base"));
        assertThat(config.dataDirs()).containsExactly(Path.of("/base", "dfs", "data"));
        assertThat(config.transferAddress()).isEqualTo(new HostAndPort("0.0.0.0", 9866));
        assertThat(config.httpAddress()).isEqualTo(new HostAndPort("0.0.0.0", 9864));
        assertThat(config.nameNodeAddress()).isEqualTo(new HostAndPort("127.0.0.1", 8020));
        assertThat(config.hostname()).isNull();
        assertThat(config.syncOnClose()).isTrue();
        assertThat(config.bytesPerChecksum()).isEqualTo(512);
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.blockReportInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(config.scanPeriod()).isEqualTo(Duration.ofHours(504));
        assertThat(config.transferThreads()).isEqualTo(64);
    }

    @Test
    void keysMapToSettings() {
        DataNodeConfig config = DataNodeConfig.from(Configuration.empty()
                .with("dfs.datanode.data.dir", "/d1,file:///d2")
                .with("dfs.datanode.address", "127.0.0.3:0")
                .with("dfs.datanode.hostname", "node3")
                .with("fs.defaultFS", "qfs://nn.example:9000")
                .with("dfs.datanode.synconclose", "false")
                .with("dfs.heartbeat.interval", "250ms")
                .with("dfs.blockreport.intervalMsec", "60000")
                .with("dfs.datanode.scan.period.hours", "2")
                .with("dfs.datanode.max.transfer.threads", "8"));
        assertThat(config.dataDirs()).containsExactly(Path.of("/d1"), Path.of("/d2"));
        assertThat(config.transferAddress()).isEqualTo(new HostAndPort("127.0.0.3", 0));
        assertThat(config.nameNodeAddress()).isEqualTo(new HostAndPort("nn.example", 9000));
        assertThat(config.syncOnClose()).isFalse();
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.blockReportInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.scanPeriod()).isEqualTo(Duration.ofHours(2));
        assertThat(config.transferThreads()).isEqualTo(8);
    }

    @Test
    void theRpcAddressWinsOverTheDefaultFileSystem() {
        DataNodeConfig config = DataNodeConfig.from(Configuration.empty()
                .with("fs.defaultFS", "qfs://nn.example:9000")
                .with("dfs.namenode.rpc-address", "10.0.0.1:8021"));
        assertThat(config.nameNodeAddress()).isEqualTo(new HostAndPort("10.0.0.1", 8021));
    }

    @Test
    void withHaTheDataNodeReportsToEveryListedNameNode() {
        DataNodeConfig config = DataNodeConfig.from(Configuration.empty()
                .with("fs.defaultFS", "qfs://prod")
                .with("dfs.namenode.ha.rpc-addresses", "nn1.example:8020, nn2.example:8021"));
        assertThat(config.nameNodeAddresses()).containsExactly(new HostAndPort("nn1.example", 8020),
                new HostAndPort("nn2.example", 8021));
        DataNodeConfig single = DataNodeConfig.from(Configuration.empty().with("fs.defaultFS", "qfs://nn.example:9000"));
        assertThat(single.nameNodeAddresses()).containsExactly(new HostAndPort("nn.example", 9000));
    }

    @Test
    void theRegistrationHostIsTheConfiguredNameThenTheBindHost() throws Exception {
        DataNodeConfig named = DataNodeConfig.from(Configuration.empty().with("dfs.datanode.hostname", "node7")
                .with("dfs.datanode.address", "127.0.0.3:0"));
        assertThat(DataNode.registrationHost(named)).isEqualTo("node7");
        DataNodeConfig bound = DataNodeConfig.from(Configuration.empty().with("dfs.datanode.address", "127.0.0.3:0"));
        assertThat(DataNode.registrationHost(bound)).isEqualTo("127.0.0.3");
        DataNodeConfig wildcard = DataNodeConfig.from(Configuration.empty());
        assertThat(DataNode.registrationHost(wildcard)).isNotEqualTo("0.0.0.0").isNotBlank();
    }

    @Test
    void aDefaultFileSystemWithoutAHostIsAClearError() {
        assertThatThrownBy(() -> DataNodeConfig.from(Configuration.empty().with("fs.defaultFS", "file:///")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fs.defaultFS=file:///");
    }

}
