package io.quarry.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

/** A write survives the death of pipeline nodes as long as one node of the pipeline is left. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WritePipelineRecoveryTest {
    @TempDir
    java.nio.file.Path baseDir;

    @Test
    void writeCompletesAndReadsBackWhenADataNodeDiesMidWrite() throws Exception {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).numDataNodes(3)
                .set("dfs.replication", "3")
                .set("dfs.blocksize", "1m")
                .build()) {
            FileSystem fs = cluster.fileSystem();
            Random random = new Random(Seeds.seed("pipelineRecovery"));
            byte[] bytes = TestFiles.randomBytes(random, 3 << 20);
            Path path = new Path("/recovery/file");
            int killAfter = 600 * 1024;
            try (OutputStream out = fs.create(path, false)) {
                out.write(bytes, 0, killAfter);
                cluster.killDataNode(1);
                for (int offset = killAfter; offset < bytes.length; offset += 8192) {
                    out.write(bytes, offset, Math.min(8192, bytes.length - offset));
                }
            }
            assertThat(fs.getFileStatus(path).length()).isEqualTo(bytes.length);
            TestFiles.assertContent(fs, path, bytes);
            TestFiles.assertContent(cluster.newFileSystem(), path, bytes);
        }
    }

    @Test
    void writeFailsNamingTheBlockWhenEveryPipelineNodeDies() throws Exception {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).numDataNodes(1)
                .set("dfs.replication", "1")
                .set("dfs.blocksize", "1m")
                .set("dfs.client.socket-timeout", "3s")
                .build()) {
            FileSystem fs = cluster.fileSystem();
            byte[] bytes = new byte[256 * 1024];
            OutputStream out = fs.create(new Path("/recovery/doomed"), false);
            out.write(bytes);
            cluster.killDataNode(0);
            assertThatThrownBy(() -> {
                try {
                    for (int i = 0; i < 8; i++) {
                        out.write(bytes);
                    }
                } finally {
                    out.close();
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("/recovery/doomed").hasMessageContaining("blk_");
        }
    }
}
