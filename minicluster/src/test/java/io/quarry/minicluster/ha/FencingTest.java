package io.quarry.minicluster.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.EpochFence;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.HandOver;
import io.quarry.common.ha.ZooKeeperClients;
import io.quarry.common.testing.Await;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.minicluster.MiniQfsHaCluster;

/**
 * Fencing by construction: once a newer term has advanced the NameNode epoch in ZooKeeper, the
 * active's next journal write is refused by ZooKeeper itself. The deposed active steps down (its
 * unjournalled change is dropped with its namespace, reloaded from ZooKeeper), rejoins the
 * election, and the client's retried call is applied once by whichever NameNode is active next.
 * Also the graceful hand-over of {@code quarry haadmin -failover namenode}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FencingTest {
    @TempDir
    java.nio.file.Path baseDir;
    TestingServer zooKeeper;
    MiniQfsHaCluster cluster;
    CuratorFramework outsider;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = ZooKeeperServers.single(baseDir);
        cluster = MiniQfsHaCluster.builder(baseDir).zooKeeper(zooKeeper.getConnectString()).clusterName("fenced").numDataNodes(1)
                .set("dfs.replication", "1").build();
        outsider = ZooKeeperClients.connect(HaSettings.from(Configuration.of(Map.of(
                "ha.zookeeper.quorum", zooKeeper.getConnectString(), "quarry.ha.cluster-id", "fenced"))));
    }

    @AfterEach
    void stop() throws Exception {
        if (outsider != null) {
            outsider.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void activeWhoseEpochWasSupersededIsRefusedByZooKeeperAndStepsDown() throws Exception {
        int active = cluster.awaitActive();
        FileSystem fs = cluster.newFileSystem();
        fs.mkdirs(new Path("/before"));
        EpochFence fence = new EpochFence(outsider, "namenode");
        long deposedIn = fence.current();

        long newer = fence.advance().number();

        // The active still believes it leads: its next write reaches ZooKeeper and is refused there.
        assertThat(cluster.nameNode(active).isActive()).isTrue();
        fs.create(new Path("/after-fencing"), false).close();

        assertThat(fence.current()).as("a new election after the fenced NameNode stepped down").isGreaterThan(newer);
        assertThat(newer).isGreaterThan(deposedIn);
        Await.until("a NameNode to be active again", Duration.ofSeconds(30), () -> cluster.activeIndex() >= 0);
        FileStatus[] entries = fs.listStatus(new Path("/")).toArray(new FileStatus[0]);
        assertThat(entries).extracting(status -> status.path().name()).containsExactlyInAnyOrder("before", "after-fencing");
        int standby = 1 - cluster.activeIndex();
        Await.until("the standby to hold both entries", Duration.ofSeconds(10),
                () -> cluster.nameNode(standby).stats().files() == 1 && cluster.nameNode(standby).stats().directories() == 2);
    }

    @Test
    void gracefulHandOverMovesTheActiveToTheStandbyWithEveryChange() throws Exception {
        int active = cluster.awaitActive();
        FileSystem fs = cluster.newFileSystem();
        for (int i = 0; i < 10; i++) {
            fs.mkdirs(new Path("/handed/d-" + i));
        }

        String next = HandOver.failover(outsider, "namenode", Duration.ofSeconds(20));

        assertThat(next).isEqualTo(cluster.nameNode(1 - active).rpcAddress().toString());
        fs.mkdirs(new Path("/handed/after"));
        assertThat(fs.listStatus(new Path("/handed"))).hasSize(11);
        Await.until("the former active to follow as a standby", Duration.ofSeconds(20),
                () -> !cluster.nameNode(active).isActive() && cluster.nameNode(active).stats().directories() == 13);
    }
}
