package io.quarry.minicluster.process;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.Await;
import io.quarry.dfs.FileSystem;
import io.quarry.minicluster.MiniQfsCluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One writer per file: a second writer is refused while the first holds the lease, and when the
 * first writer's process is killed the NameNode recovers the file after the lease's hard limit,
 * keeping the bytes that reached the DataNodes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LeaseRecoveryProcessTest {
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void secondWriterIsRefusedAndDeadWritersFileIsRecovered() throws Exception {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(dir).numDataNodes(3)
                .set("dfs.blocksize", "64k")
                .set("quarry.namenode.lease.soft-limit", "1s")
                .set("dfs.namenode.lease-hard-limit-sec", "3s")
                .build()) {
            FileSystem fs = cluster.fileSystem();
            io.quarry.dfs.Path file = new io.quarry.dfs.Path("/leases/open-file");
            int written = 3 * BLOCK + 5000;
            String defaultFs = cluster.conf().get("fs.defaultFS");
            try (DaemonProcess writer = DaemonProcess.start("writer", AbandonedWriter.class.getName(),
                    Map.of("fs.defaultFS", defaultFs), List.of(file.toString(), Integer.toString(written)),
                    dir.resolve("writer.log"), Duration.ofSeconds(60))) {
                assertThatThrownBy(() -> fs.create(file, true))
                        .as("a second writer while the first is alive and renewing")
                        .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEASE_CONFLICT))
                        .hasMessageContaining(file.path());
                writer.kill();
            }

            Await.untilNoException("the NameNode to recover and close " + file, Duration.ofSeconds(60), () ->
                    assertThatThrownBy(() -> fs.create(file, false))
                            .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_ALREADY_EXISTS)));

            byte[] recovered;
            try (InputStream in = fs.open(file)) {
                recovered = in.readAllBytes();
            }
            assertThat(recovered.length).as("bytes kept: every block the writer had filled").isBetween(2 * BLOCK, written);
            assertThat(recovered).isEqualTo(Arrays.copyOf(AbandonedWriter.pattern(written), recovered.length));
        }
    }
}
