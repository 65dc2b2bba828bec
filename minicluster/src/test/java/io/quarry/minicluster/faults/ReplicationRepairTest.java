package io.quarry.minicluster.faults;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.CreateOptions;
import io.quarry.dfs.FileSystem;
import io.quarry.minicluster.MiniQfsCluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The NameNode brings every block back to its target replica count after replicas are lost or the target changes. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReplicationRepairTest {
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void replicationIsRestoredAfterADataNodeDies() throws Exception {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(dir).numDataNodes(4).set("dfs.blocksize", "64k").build()) {
            FileSystem fs = cluster.fileSystem();
            io.quarry.dfs.Path file = new io.quarry.dfs.Path("/data/repair");
            byte[] data = write(fs, file, 5 * BLOCK + 123, (short) 3);
            cluster.waitReplication(file, 3, Duration.ofSeconds(30));

            String victim = hostOf(cluster, 0);
            cluster.killDataNode(0);

            Await.untilNoException("every block of " + file + " back on 3 live nodes without " + victim, Duration.ofSeconds(60), () -> {
                List<BlockLocation> blocks = fs.getFileBlockLocations(file, 0, data.length);
                for (BlockLocation block : blocks) {
                    assertThat(block.hosts()).hasSize(3).doesNotContain(victim);
                }
            });
            assertThat(readAll(fs, file)).isEqualTo(data);
        }
    }

    @Test
    void setReplicationAddsAndTrimsReplicas() throws Exception {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(dir).numDataNodes(4).set("dfs.blocksize", "64k").build()) {
            FileSystem fs = cluster.fileSystem();
            io.quarry.dfs.Path file = new io.quarry.dfs.Path("/data/setrep");
            byte[] data = write(fs, file, 3 * BLOCK + 7, (short) 2);
            cluster.waitReplication(file, 2, Duration.ofSeconds(30));

            fs.setReplication(file, (short) 4);
            cluster.waitReplication(file, 4, Duration.ofSeconds(60));
            assertThat(fs.getFileStatus(file).replication()).isEqualTo((short) 4);

            fs.setReplication(file, (short) 1);
            cluster.waitReplication(file, 1, Duration.ofSeconds(60));
            assertThat(readAll(fs, file)).isEqualTo(data);
        }
    }

    static byte[] write(FileSystem fs, io.quarry.dfs.Path file, int length, short replication) throws Exception {
        byte[] data = new byte[length];
        new Random(Seeds.seed("ReplicationRepairTest")).nextBytes(data);
        try (OutputStream out = fs.create(file, CreateOptions.defaults().withReplication(replication))) {
            out.write(data);
        }
        return data;
    }

    static byte[] readAll(FileSystem fs, io.quarry.dfs.Path file) throws Exception {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    static String hostOf(MiniQfsCluster cluster, int index) {
        return cluster.dataNode(index).id().host();
    }
}
