package io.quarry.dfs.datanode;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarry.dfs.protocol.Block;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class MultipleDirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void replicasSpreadOverEveryDataDirectoryAndAreFoundAgainAfterARestart() throws Exception {
        String dirs = dir.resolve("a") + "," + dir.resolve("b");
        try (TestCluster cluster = new TestCluster(dir, 1, Map.of("dfs.datanode.data.dir", dirs));
             BlockClient client = new BlockClient()) {
            byte[] data = new byte[3000];
            new java.util.Random(11).nextBytes(data);
            for (long id = 1; id <= 4; id++) {
                client.write(List.of(cluster.get(0).id()), new Block(id, 1, 0), data, 1024);
            }
            Set<Path> used = new HashSet<>();
            for (long id = 1; id <= 4; id++) {
                Path file = cluster.get(0).blockFile(id);
                used.add(cluster.get(0).dataDirectories().stream().filter(file::startsWith).findFirst().orElseThrow());
            }
            assertThat(used).containsExactlyInAnyOrder(dir.resolve("a"), dir.resolve("b"));
            String uuid = cluster.get(0).id().uuid();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + cluster.get(0).httpAddress() + "/metrics"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("quarry_datanode_bytes_written_total 12000").contains("quarry_datanode_blocks_written_total 4")
                    .contains("quarry_datanode_replicas 4");
            String status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + cluster.get(0).httpAddress() + "/status"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(status).contains(uuid).contains("\"replicas\"");

            cluster.get(0).close();
            DataNode restarted = cluster.restart(0);
            assertThat(restarted.id().uuid()).isEqualTo(uuid);
            for (long id = 1; id <= 4; id++) {
                assertThat(client.read(restarted.id(), new Block(id, 1, 0), 0, data.length)).isEqualTo(data);
            }
            cluster.assertNoFaults();
        }
    }
}
