package io.quarry.minicluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

/**
 * Single-client write and read throughput on an in-process cluster. Run with
 * {@code -Dquarry.bench=true -Dtest=ThroughputBenchmark}; it prints MB/s and asserts nothing.
 */
@EnabledIfSystemProperty(named = "quarry.bench", matches = "true")
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ThroughputBenchmark {
    private static final int MB = 1 << 20;

    @TempDir
    java.nio.file.Path baseDir;

    @Test
    void replicationOne() throws IOException {
        run(1, 512);
    }

    @Test
    void replicationThree() throws IOException {
        run(3, 256);
    }

    private void run(int replication, int megabytes) throws IOException {
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).numDataNodes(3)
                .set("dfs.replication", String.valueOf(replication)).set("dfs.blocksize", "128m")
                .set("dfs.datanode.synconclose", "false").build()) {
            FileSystem fs = cluster.fileSystem();
            byte[] buffer = new byte[MB];
            new Random(1).nextBytes(buffer);
            for (int round = 0; round < 2; round++) {
                Path path = new Path("/bench/r" + replication + "-" + round);
                long start = System.nanoTime();
                try (OutputStream out = fs.create(path, true)) {
                    for (int i = 0; i < megabytes; i++) {
                        out.write(buffer);
                    }
                }
                double writeSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                long total = 0;
                try (InputStream in = fs.open(path)) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        total += n;
                    }
                }
                double readSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("BENCH replication %d round %d: write %d MB in %.2f s = %.0f MB/s; read %d MB in %.2f s = %.0f MB/s%n",
                        replication, round, megabytes, writeSeconds, megabytes / writeSeconds, total / MB, readSeconds,
                        total / MB / readSeconds);
            }
        }
    }
}
