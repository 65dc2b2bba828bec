package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.Await;
import io.quarry.common.time.ManualClock;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.Fsck;
import io.quarry.dfs.protocol.client.FsckReport;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetDatanodeReport;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.dfs.protocol.client.SafeModeAction;
import io.quarry.dfs.protocol.client.SafeModeStatus;
import io.quarry.dfs.protocol.client.SetSafeMode;

@Timeout(60)
class SafeModeAndFsckTest {
    @TempDir
    Path dir;
    ManualClock clock = new ManualClock();

    private TestCluster cluster(Map<String, String> extra) throws Exception {
        Map<String, String> conf = new HashMap<>(BlockTestSupport.conf(BlockTestSupport.topology(dir)));
        conf.putAll(extra);
        return new TestCluster(dir.resolve("name"), clock, conf);
    }

    private static DatanodeId holder(TestCluster.Client client, String path) throws Exception {
        return client.call(new GetBlockLocations(path, 0, 1000, "h"), LocatedBlocks.class).blocks().get(0).locations().get(0);
    }

    @Test
    void emptyNamespaceLeavesSafeModeAtOnce() throws Exception {
        try (TestCluster cluster = cluster(Map.of("quarry.namenode.monitor.interval", "100ms"))) {
            Await.until("safe mode off", Duration.ofSeconds(10), () -> !cluster.nameNode.isInSafeMode());
        }
    }

    @Test
    void safeModeWaitsForTheThresholdOfReportedBlocksAndTheExtension() throws Exception {
        try (TestCluster cluster = cluster(Map.of("dfs.namenode.safemode.threshold-pct", "1.0", "dfs.namenode.safemode.extension", "30s"))) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            BlockTestSupport support = new BlockTestSupport(cluster, 2);
            clock.advance(Duration.ofSeconds(31));
            support.heartbeatAll();
            support.runMonitors();
            support.writeFile(client, "/a", 1, 10, "127.0.0.1");
            support.writeFile(client, "/b", 1, 10, "127.0.0.2");
            FakeDatanode holderA = support.byUuid(holder(client, "/a").uuid());
            FakeDatanode holderB = support.byUuid(holder(client, "/b").uuid());
            cluster.restart();
            assertThat(cluster.nameNode.isInSafeMode()).isTrue();
            support.runMonitors();
            assertThatThrownBy(() -> client.call(new Mkdirs("/x", (short) 0755, true)))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SAFE_MODE))
                    .hasMessageContaining("Name node is in safe mode: 0 of 2 blocks reported (threshold 1.0)");
            holderA.register();
            holderA.blockReport();
            support.runMonitors();
            assertThat(cluster.nameNode.isInSafeMode()).isTrue();
            if (holderB != holderA) {
                holderB.register();
                holderB.blockReport();
            }
            support.runMonitors();
            assertThat(cluster.nameNode.isInSafeMode()).as("threshold reached, extension running").isTrue();
            clock.advance(Duration.ofSeconds(31));
            holderA.heartbeat();
            holderB.heartbeat();
            support.runMonitors();
            assertThat(cluster.nameNode.isInSafeMode()).isFalse();
            client.call(new Mkdirs("/x", (short) 0755, true));
            support.close();
        }
    }

    @Test
    void safeModeWaitsForTheMinimumOfLiveDatanodes() throws Exception {
        try (TestCluster cluster = cluster(Map.of("dfs.namenode.safemode.min.datanodes", "2"))) {
            cluster.nameNode.runMonitors().get();
            assertThat(cluster.nameNode.isInSafeMode()).isTrue();
            BlockTestSupport support = new BlockTestSupport(cluster, 2);
            cluster.nameNode.runMonitors().get();
            assertThat(cluster.nameNode.isInSafeMode()).isFalse();
            support.close();
        }
    }

    @Test
    void manualSafeModeStaysUntilLeft() throws Exception {
        try (TestCluster cluster = cluster(Map.of())) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            assertThat(client.call(new SetSafeMode(SafeModeAction.ENTER), SafeModeStatus.class).on()).isTrue();
            cluster.nameNode.runMonitors().get();
            assertThat(client.call(new SetSafeMode(SafeModeAction.GET), SafeModeStatus.class).on()).isTrue();
            assertThatThrownBy(() -> client.call(new Mkdirs("/x", (short) 0755, true)))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SAFE_MODE));
            assertThat(client.call(new SetSafeMode(SafeModeAction.LEAVE), SafeModeStatus.class).on()).isFalse();
            client.call(new Mkdirs("/x", (short) 0755, true));
        }
    }

    @Test
    void fsckReportsHealthyThenMissingBlocks() throws Exception {
        try (TestCluster cluster = cluster(Map.of())) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            BlockTestSupport support = new BlockTestSupport(cluster, 3);
            support.writeFile(client, "/data/two", 2, 100, "127.0.0.1");
            support.writeFile(client, "/data/one", 1, 50, "127.0.0.1");
            FsckReport healthy = client.call(new Fsck("/", true, true, true, true), FsckReport.class);
            assertThat(healthy.healthy()).isTrue();
            assertThat(healthy.totalFiles()).isEqualTo(2);
            assertThat(healthy.totalBlocks()).isEqualTo(2);
            assertThat(healthy.text())
                    .contains("/data/two 100 bytes, replicated: replication=2, 1 block(s):  OK")
                    .contains(" Total size:\t150 B")
                    .contains(" Number of data-nodes:\t3")
                    .contains(" Number of racks:\t\t2")
                    .contains("Live_repl=2")
                    .contains("/r1/127.0.0.1:9866")
                    .endsWith("The filesystem under path '/' is HEALTHY\n");

            DatanodeId lost = holder(client, "/data/one");
            clock.advance(Duration.ofSeconds(11));
            for (FakeDatanode dn : support.datanodes) {
                if (!dn.id.uuid().equals(lost.uuid())) {
                    dn.heartbeat();
                }
            }
            cluster.nameNode.runMonitors().get();
            FsckReport corrupt = client.call(new Fsck("/data", false, false, false, false), FsckReport.class);
            assertThat(corrupt.healthy()).isFalse();
            assertThat(corrupt.missingBlocks()).isEqualTo(1);
            assertThat(corrupt.text()).contains("/data/one: MISSING 1 blocks of total size 50 B.")
                    .contains(" Missing blocks:\t\t1")
                    .endsWith("The filesystem under path '/data' is CORRUPT\n");
            DatanodeReport report = client.call(new GetDatanodeReport(), DatanodeReport.class);
            assertThat(report.missingBlocks()).isEqualTo(1);
            assertThat(report.datanodes()).hasSize(3);
            assertThat(report.capacity()).isEqualTo(2L << 40);
            support.close();
        }
    }
}
