package io.quarry.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.Path;
import io.quarry.dfs.protocol.DatanodeInfo;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetDatanodeReport;

/** The mini cluster's own lifecycle: addresses, racks, restarts on the same directories. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MiniQfsClusterTest {
    @TempDir
    java.nio.file.Path baseDir;

    @Test
    void eachDataNodeGetsItsOwnLoopbackAddressAndRack() throws Exception {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).numDataNodes(3).racks("/r1", "/r1", "/r2").build()) {
            assertThat(cluster.nameNode().rpcAddress().host()).isEqualTo("127.0.0.1");
            for (int i = 0; i < 3; i++) {
                assertThat(cluster.dataNode(i).transferAddress().host()).isEqualTo("127.0.0." + (i + 2));
            }
            DatanodeReport report = cluster.fileSystem().callNameNode(new GetDatanodeReport(), DatanodeReport.class);
            assertThat(report.datanodes()).extracting(info -> info.id().host() + " " + info.rack())
                    .containsExactlyInAnyOrder("127.0.0.2 /r1", "127.0.0.3 /r1", "127.0.0.4 /r2");
            assertThat(cluster.conf().get("fs.defaultFS")).isEqualTo("qfs://" + cluster.nameNode().rpcAddress());
            try (java.io.OutputStream out = cluster.fileSystem().create(new Path("/racks"),
                    io.quarry.dfs.CreateOptions.defaults().withReplication((short) 3))) {
                out.write(new byte[1000]);
            }
            // close() returns once one replica is reported; the others arrive in incremental reports.
            cluster.waitReplication(new Path("/racks"), 3, Duration.ofSeconds(30));
            var location = cluster.fileSystem().getFileBlockLocations(new Path("/racks"), 0, 1000).get(0);
            assertThat(location.hosts()).containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3", "127.0.0.4");
            for (int i = 0; i < 3; i++) {
                String host = location.hosts().get(i);
                assertThat(location.racks().get(i)).isEqualTo(host.equals("127.0.0.4") ? "/r2" : "/r1");
            }
        }
    }

    @Test
    void filesSurviveANameNodeCrashAndDataNodeRestarts() throws Exception {
        Random random = new Random(Seeds.seed("restarts"));
        byte[] bytes = TestFiles.randomBytes(random, 200_000);
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).numDataNodes(2)
                .set("dfs.replication", "2").set("dfs.blocksize", "64k").build()) {
            int port = cluster.nameNode().rpcAddress().port();
            TestFiles.write(cluster.fileSystem(), new Path("/keep/file"), bytes, random);
            cluster.crashNameNode();
            cluster.restartNameNode();
            assertThat(cluster.nameNode().rpcAddress().port()).isEqualTo(port);
            TestFiles.assertContent(cluster.newFileSystem(), new Path("/keep/file"), bytes);

            cluster.killDataNode(0);
            cluster.restartDataNode(0);
            cluster.stopDataNode(1);
            cluster.waitActive();
            TestFiles.assertContent(cluster.newFileSystem(), new Path("/keep/file"), bytes);
            cluster.restartDataNode(1);
            cluster.waitActive();
            cluster.waitReplication(new Path("/keep/file"), 2, Duration.ofSeconds(20));
        }
    }

    @Test
    void wholeClusterRestartsOnItsExistingDirectoriesWithSharedHost() throws Exception {
        Random random = new Random(Seeds.seed("persistent"));
        byte[] bytes = TestFiles.randomBytes(random, 100_000);
        int port;
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).separateHosts(false).numDataNodes(1)
                .set("dfs.replication", "1").build()) {
            assertThat(cluster.dataNode(0).transferAddress().host()).isEqualTo("127.0.0.1");
            port = cluster.nameNode().rpcAddress().port();
            TestFiles.write(cluster.fileSystem(), new Path("/persistent"), bytes, random);
        }
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).separateHosts(false).numDataNodes(1)
                .nameNodePort(port).set("dfs.replication", "1").build()) {
            TestFiles.assertContent(cluster.fileSystem(), new Path("/persistent"), bytes);
        }
    }

    @Test
    void addedDataNodeJoinsTheCluster() throws IOException {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).numDataNodes(1).build()) {
            int index = cluster.addDataNode();
            cluster.waitActive();
            assertThat(index).isEqualTo(1);
            assertThat(cluster.dataNodes()).hasSize(2);
            DatanodeReport report = cluster.fileSystem().callNameNode(new GetDatanodeReport(), DatanodeReport.class);
            assertThat(report.datanodes()).extracting(DatanodeInfo::state).hasSize(2);
        }
    }
}
