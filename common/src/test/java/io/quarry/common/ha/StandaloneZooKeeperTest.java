package io.quarry.common.ha;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarry.common.conf.Configuration;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server behind {@code quarry zookeeper}: Curator clients elect and write through it, and its data survives a restart. */
@Timeout(30)
class StandaloneZooKeeperTest {
    @Test
    void servesCuratorClientsAndKeepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
        Configuration conf = Configuration.of(Map.of("quarry.zookeeper.data.dir", dataDir.toString(),
                "quarry.zookeeper.client.port", "0", "quarry.zookeeper.bind-host", "127.0.0.1",
                "quarry.zookeeper.tick-time", "200ms"));
        String quorum;
        try (StandaloneZooKeeper server = StandaloneZooKeeper.start(conf)) {
            assertThat(server.role()).isEqualTo("zookeeper");
            assertThat(server.addresses()).containsOnlyKeys("client");
            assertThat(server.clientAddress().port()).isPositive();
            quorum = server.clientAddress().toString();
            try (CuratorFramework client = ZooKeeperClients.connect(settings(quorum));
                 LeaderElection election = new LeaderElection(client, "namenode", "nn1:8020", LeadershipListener.NONE)) {
                election.start();
                assertThat(election.awaitLeadership(Duration.ofSeconds(10))).isTrue();
                assertThat(LeaderElection.activeAddress(client, "namenode")).hasValue("nn1:8020");
                client.create().forPath("/kept", "yes".getBytes(StandardCharsets.UTF_8));
            }
        }
        try (StandaloneZooKeeper again = StandaloneZooKeeper.start(conf.with("quarry.zookeeper.client.port", "0"));
             CuratorFramework client = ZooKeeperClients.connect(settings(again.clientAddress().toString()))) {
            assertThat(client.getData().forPath("/kept")).asString(StandardCharsets.UTF_8).isEqualTo("yes");
            assertThat(new EpochFence(client, "namenode").current()).isEqualTo(1);
        }
    }

    @Test
    void aPortInUseFailsNamingTheKey(@TempDir Path dataDir) throws Exception {
        Configuration conf = Configuration.of(Map.of("quarry.zookeeper.data.dir", dataDir.resolve("a").toString(),
                "quarry.zookeeper.client.port", "0", "quarry.zookeeper.bind-host", "127.0.0.1"));
        try (StandaloneZooKeeper first = StandaloneZooKeeper.start(conf)) {
            Configuration clash = conf.with("quarry.zookeeper.data.dir", dataDir.resolve("b").toString())
                    .with("quarry.zookeeper.client.port", Integer.toString(first.clientAddress().port()));
            assertThatThrownBy(() -> StandaloneZooKeeper.start(clash))
                    .hasMessageContaining("quarry.zookeeper.client.port")
                    .hasMessageContaining("127.0.0.1:" + first.clientAddress().port());
        }
    }

    private static HaSettings settings(String quorum) {
        return HaSettings.from(Configuration.of(Map.of("ha.zookeeper.quorum", quorum,
                "ha.zookeeper.session-timeout.ms", "4000", "quarry.ha.zookeeper.connect-timeout", "5s")));
    }
}
