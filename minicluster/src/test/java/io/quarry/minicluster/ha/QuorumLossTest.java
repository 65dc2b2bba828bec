package io.quarry.minicluster.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.minicluster.MiniQfsHaCluster;

/**
 * A three-server ZooKeeper ensemble loses its quorum: the NameNodes stop accepting namespace
 * changes (nothing is acknowledged that the journal does not hold), and once the quorum is back a
 * NameNode is active again with every acknowledged change, and writes resume.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class QuorumLossTest {
    @TempDir
    java.nio.file.Path baseDir;
    TestingCluster zooKeeper;
    MiniQfsHaCluster cluster;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = ZooKeeperServers.ensemble(baseDir, 3);
        cluster = MiniQfsHaCluster.builder(baseDir).zooKeeper(zooKeeper.getConnectString()).numDataNodes(1)
                .set("dfs.replication", "1").build();
    }

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void writesStopWithoutAQuorumAndResumeWhenItReturns() throws Exception {
        cluster.awaitActive();
        FileSystem fs = cluster.newFileSystem();
        for (int i = 0; i < 20; i++) {
            fs.mkdirs(new Path("/before/d-" + i));
        }
        Configuration impatient = cluster.conf().with("quarry.client.failover.timeout", "4s")
                .with("quarry.client.failover.call-timeout", "2s");
        try (FileSystem hurried = FileSystem.get(impatient)) {
            List<InstanceSpec> stopped = new ArrayList<>(zooKeeper.getInstances()).subList(0, 2);
            for (InstanceSpec server : stopped) {
                zooKeeper.killServer(server);
            }
            assertThatThrownBy(() -> hurried.mkdirs(new Path("/during")))
                    .as("a namespace change without a ZooKeeper quorum").isInstanceOf(IOException.class);
            for (InstanceSpec server : stopped) {
                zooKeeper.restartServer(server);
            }
        }
        cluster.awaitActive();
        fs.mkdirs(new Path("/after"));
        assertThat(fs.exists(new Path("/after"))).isTrue();
        assertThat(fs.listStatus(new Path("/before"))).hasSize(20);
    }
}
