package io.quarry.minicluster.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.ZooKeeperClients;
import io.quarry.common.rpc.RetryPolicy;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.testing.Await;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.minicluster.MiniQfsHaCluster;

/** Two NameNodes on a real ZooKeeper: the standby follows the journal and takes over when the active dies. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NameNodeFailoverTest {
    @TempDir
    java.nio.file.Path baseDir;
    TestingServer zooKeeper;
    MiniQfsHaCluster cluster;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = ZooKeeperServers.single(baseDir);
        cluster = MiniQfsHaCluster.builder(baseDir).zooKeeper(zooKeeper.getConnectString()).numDataNodes(2)
                .set("dfs.replication", "2").set("dfs.blocksize", "64k").set("dfs.namenode.checkpoint.txns", "40").build();
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
    void standbyTakesOverWithEverythingTheActiveAcknowledged() throws Exception {
        FileSystem fs = cluster.newFileSystem();
        int first = cluster.awaitActive();
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        fs.mkdirs(new Path("/a/b"));
        try (OutputStream out = fs.create(new Path("/a/b/file"), false)) {
            out.write(content);
        }
        fs.rename(new Path("/a/b"), new Path("/a/c"));
        int standby = 1 - first;
        Await.until("the standby to follow the journal", Duration.ofSeconds(10),
                () -> cluster.nameNode(standby).stats().files() == 1 && cluster.nameNode(standby).stats().directories() == 3);

        cluster.killNameNode(first);

        assertThat(cluster.awaitActive()).isEqualTo(standby);
        assertThat(fs.exists(new Path("/a/c/file"))).isTrue();
        assertThat(fs.exists(new Path("/a/b"))).isFalse();
        try (InputStream in = fs.open(new Path("/a/c/file"))) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        fs.mkdirs(new Path("/after"));
        assertThat(fs.exists(new Path("/after"))).isTrue();
    }

    @Test
    void standbyRefusesClientsAndARestartedNameNodeRejoinsAsStandby() throws Exception {
        FileSystem fs = cluster.newFileSystem();
        int first = cluster.awaitActive();
        fs.mkdirs(new Path("/before"));
        cluster.killNameNode(first);
        int second = cluster.awaitActive();
        assertThat(second).isEqualTo(1 - first);
        fs.mkdirs(new Path("/during"));

        cluster.restartNameNode(first);

        assertThat(cluster.nameNode(first).isActive()).isFalse();
        Await.until("the restarted NameNode to load what the new active wrote", Duration.ofSeconds(10),
                () -> cluster.nameNode(first).stats().directories() == 3);
        cluster.killNameNode(second);
        assertThat(cluster.awaitActive()).isEqualTo(first);
        assertThat(fs.exists(new Path("/before"))).isTrue();
        assertThat(fs.exists(new Path("/during"))).isTrue();
    }

    @Test
    void restartedStandbyBootstrapsFromTheImageInZooKeeperAfterTheJournalWasTrimmed() throws Exception {
        FileSystem fs = cluster.newFileSystem();
        int first = cluster.awaitActive();
        int standby = 1 - first;
        cluster.killNameNode(standby);
        for (int i = 0; i < 150; i++) {
            fs.mkdirs(new Path("/many/d-" + i));
        }
        try (CuratorFramework zk = ZooKeeperClients.connect(HaSettings.from(cluster.conf()))) {
            Await.untilNoException("images written and the journal trimmed", Duration.ofSeconds(20), () -> {
                assertThat(zk.getChildren().forPath("/namenode/images")).hasSizeGreaterThanOrEqualTo(2);
                List<String> batches = zk.getChildren().forPath("/namenode/journal");
                assertThat(batches).doesNotContain("b-0000000000000000001");
            });
        }

        cluster.restartNameNode(standby);
        Await.until("the restarted standby to load image and journal", Duration.ofSeconds(20),
                () -> cluster.nameNode(standby).stats().directories() == 152);
        cluster.killNameNode(first);

        assertThat(cluster.awaitActive()).isEqualTo(standby);
        assertThat(fs.listStatus(new Path("/many"))).hasSize(150);
    }

    @Test
    void aFileBeingWrittenAcrossTheFailoverIsCompletedOnTheNewActive() throws Exception {
        FileSystem fs = cluster.newFileSystem();
        int first = cluster.awaitActive();
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7 + 3);
        }
        try (OutputStream out = fs.create(new Path("/spanning"), false)) {
            out.write(content, 0, 100_000);
            out.flush();
            cluster.killNameNode(first);
            out.write(content, 100_000, content.length - 100_000);
        }
        assertThat(cluster.awaitActive()).isEqualTo(1 - first);
        assertThat(fs.getFileStatus(new Path("/spanning")).length()).isEqualTo(content.length);
        try (InputStream in = fs.open(new Path("/spanning"))) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aStandbyAnswersClientCallsWithTheStandbyError() throws Exception {
        int active = cluster.awaitActive();
        try (RpcClient direct = new RpcClient("standby-probe", Configuration.empty())) {
            assertThatThrownBy(() -> direct.call(cluster.nameNode(1 - active).rpcAddress(), new GetFileInfo("/"),
                    FileStatusReply.class, Duration.ofSeconds(5), RetryPolicy.none()))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STANDBY));
            assertThat(direct.call(cluster.nameNode(active).rpcAddress(), new GetFileInfo("/"), FileStatusReply.class,
                    Duration.ofSeconds(5), RetryPolicy.none()).status()).isNotNull();
        }
    }
}
