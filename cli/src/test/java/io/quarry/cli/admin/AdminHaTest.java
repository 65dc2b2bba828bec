package io.quarry.cli.admin;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.dfs.FileSystem;
import io.quarry.minicluster.MiniQfsHaCluster;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarry dfsadmin} and {@code quarry fsck} against an HA QFS: they find the active through ZooKeeper and follow it. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AdminHaTest {
    private static final String SUPERUSER = System.getProperty("user.name");

    @TempDir
    Path base;
    private TestingServer zooKeeper;
    private MiniQfsHaCluster cluster;

    @BeforeEach
    void start() throws Exception {
        File zkDir = base.resolve("zk").toFile();
        zkDir.mkdirs();
        zooKeeper = new TestingServer(new InstanceSpec(zkDir, -1, -1, -1, true, -1, 200, -1), true);
        cluster = MiniQfsHaCluster.builder(base.resolve("cluster")).zooKeeper(zooKeeper.getConnectString()).numDataNodes(1)
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
    void dfsadminAndFsckFollowTheActiveNameNodeAcrossAFailover() throws Exception {
        FileSystem fs = cluster.newFileSystem();
        try (OutputStream out = fs.create(new io.quarry.dfs.Path("/ha/f"), false)) {
            out.write("0123456789".getBytes(StandardCharsets.UTF_8));
        }
        int first = cluster.awaitActive();

        CliRun report = quarry("dfsadmin", "-report");
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.out()).contains("Live datanodes (1)");
        CliRun fsck = quarry("fsck", "/ha", "-files");
        assertThat(fsck.exitCode()).as(fsck.toString()).isZero();
        assertThat(fsck.out()).contains("/ha/f 10 bytes").contains("HEALTHY");

        cluster.killNameNode(first);
        int second = cluster.awaitActive();
        assertThat(second).isEqualTo(1 - first);

        CliRun afterFailover = quarry("fsck", "/ha", "-files");
        assertThat(afterFailover.exitCode()).as(afterFailover.toString()).isZero();
        assertThat(afterFailover.out()).contains("/ha/f 10 bytes").contains("HEALTHY");
        CliRun safeMode = quarry("dfsadmin", "-safemode", "get");
        assertThat(safeMode.exitCode()).as(safeMode.toString()).isZero();
        assertThat(safeMode.out()).isEqualTo("Safe mode is OFF\n");
    }

    @Test
    void withNoActiveNameNodeDfsadminFailsAfterTheFailoverTimeoutNamingZooKeeper() throws Exception {
        cluster.killNameNode(0);
        cluster.killNameNode(1);

        CliRun report = quarry("-Dquarry.client.failover.timeout=1s", "dfsadmin", "-report");

        assertThat(report.exitCode()).as(report.toString()).isNotZero();
        assertThat(report.err()).contains("found no active NameNode").contains(zooKeeper.getConnectString());
    }

    @Test
    void withTheQuorumUnsetDfsadminCallsTheNamedNameNodeAndAStandbyRefuses() throws Exception {
        int active = cluster.awaitActive();
        String standby = cluster.nameNode(1 - active).rpcAddress().toString();

        CliRun report = quarry("-Dha.zookeeper.quorum=", "-Ddfs.namenode.rpc-address=" + standby, "dfsadmin", "-report");

        assertThat(report.exitCode()).as(report.toString()).isNotZero();
        assertThat(report.err()).containsIgnoringCase("standby");
    }

    private CliRun quarry(String... args) throws Exception {
        List<String> full = new ArrayList<>();
        for (Map.Entry<String, String> entry : cluster.conf().asMap().entrySet()) {
            full.add("-D" + entry.getKey() + "=" + entry.getValue());
        }
        full.add("-Dquarry.user.name=" + SUPERUSER);
        full.addAll(List.of(args));
        return CliRun.run(FileSystemOpener.standard(), full.toArray(String[]::new));
    }
}
