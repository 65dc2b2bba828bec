package io.quarry.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.SeekableInputStream;

/**
 * Files of every awkward size survive a write and a read through a three-way pipeline, byte for
 * byte; read from the replicas' files here (every DataNode is on this host) and over sockets in
 * {@link SocketReadRoundTripTest}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileRoundTripTest {
    static final int BLOCK = 64 * 1024;
    static final int PACKET = 16 * 1024;

    @TempDir
    static java.nio.file.Path baseDir;
    MiniQfsCluster cluster;
    FileSystem fs;

    @BeforeAll
    void startCluster() throws IOException {
        cluster = MiniQfsCluster.builder(baseDir).numDataNodes(3)
                .set("dfs.replication", "3")
                .set("dfs.blocksize", String.valueOf(BLOCK))
                .set("dfs.client-write-packet-size", String.valueOf(PACKET))
                .set("dfs.client.read.shortcircuit", String.valueOf(shortCircuitReads()))
                .build();
        fs = cluster.fileSystem();
    }

    /** Whether readers take replicas straight from the DataNodes' files (all DataNodes run on this host). */
    boolean shortCircuitReads() {
        return true;
    }

    @AfterAll
    void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 512, 513, PACKET - 1, PACKET, PACKET + 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 17, 3 << 20})
    void fileOfThisSizeReadsBackByteForByte(int size) throws IOException {
        Random random = new Random(Seeds.seed("roundTrip-" + size));
        byte[] bytes = TestFiles.randomBytes(random, size);
        Path path = new Path("/roundtrip/file-" + size);
        TestFiles.write(fs, path, bytes, random);
        FileStatus status = fs.getFileStatus(path);
        assertThat(status.length()).isEqualTo(size);
        assertThat(status.replication()).isEqualTo((short) 3);
        assertThat(status.blockSize()).isEqualTo(BLOCK);
        TestFiles.assertContent(fs, path, bytes);
        List<BlockLocation> locations = fs.getFileBlockLocations(path, 0, size);
        assertThat(locations).hasSize((size + BLOCK - 1) / BLOCK);
        for (BlockLocation location : locations) {
            assertThat(location.hosts()).hasSize(3);
        }
    }

    @Test
    void seekLandsOnTheRightByteWithinAndAcrossBlocks() throws IOException {
        Random random = new Random(Seeds.seed("seek"));
        byte[] bytes = TestFiles.randomBytes(random, 5 * BLOCK + 333);
        Path path = new Path("/seek/file");
        TestFiles.write(fs, path, bytes, random);
        try (SeekableInputStream in = fs.openSeekable(path)) {
            assertThat(in.length()).isEqualTo(bytes.length);
            long[] targets = {BLOCK - 1, BLOCK, 3L * BLOCK + 5, 17, 5L * BLOCK + 332, 2L * BLOCK - 3, 0, 4L * BLOCK + 511};
            for (long target : targets) {
                in.seek(target);
                byte[] chunk = new byte[(int) Math.min(1000, bytes.length - target)];
                int read = in.readNBytes(chunk, 0, chunk.length);
                assertThat(read).isEqualTo(chunk.length);
                for (int i = 0; i < read; i++) {
                    assertThat(chunk[i]).as("byte %d after seek to %d", i, target).isEqualTo(bytes[(int) target + i]);
                }
                assertThat(in.position()).isEqualTo(target + read);
            }
            in.seek(bytes.length);
            assertThat(in.read()).isEqualTo(-1);
        }
        for (int i = 0; i < 20; i++) {
            long target = random.nextInt(bytes.length);
            try (SeekableInputStream in = fs.openSeekable(path)) {
                in.seek(target);
                assertThat((byte) in.read()).isEqualTo(bytes[(int) target]);
            }
        }
    }

    @Test
    void readsTakeTheConfiguredPath() throws IOException {
        Random random = new Random(Seeds.seed("readPath"));
        byte[] bytes = TestFiles.randomBytes(random, 2 * BLOCK + 100);
        Path path = new Path("/read-path");
        TestFiles.write(fs, path, bytes, random);
        long before = localReadsGranted();
        TestFiles.assertContent(cluster.newFileSystem(), path, bytes);
        if (shortCircuitReads()) {
            assertThat(localReadsGranted() - before).as("short-circuit reads granted for 3 blocks").isEqualTo(3);
        } else {
            assertThat(localReadsGranted() - before).as("short-circuit reads granted with them off").isZero();
        }
    }

    private long localReadsGranted() {
        return cluster.dataNodes().stream().mapToLong(node -> node.metrics().value("quarry_datanode_local_reads_granted_total")).sum();
    }

    @Test
    void fileUnderConstructionReadsUpToTheLengthTheNameNodeKnows() throws IOException {
        Random random = new Random(Seeds.seed("underConstruction"));
        byte[] bytes = TestFiles.randomBytes(random, 2 * BLOCK + BLOCK / 2);
        Path path = new Path("/under-construction");
        try (java.io.OutputStream out = fs.create(path, false)) {
            out.write(bytes);
            byte[] seen = TestFiles.read(cluster.newFileSystem(), path);
            assertThat(seen.length).isGreaterThanOrEqualTo(BLOCK).isLessThanOrEqualTo(bytes.length);
            assertThat(seen).isEqualTo(java.util.Arrays.copyOf(bytes, seen.length));
        }
        TestFiles.assertContent(fs, path, bytes);
    }

    @Test
    void manyConcurrentWritersAndReadersSeeTheirOwnBytes() throws Exception {
        long seed = Seeds.seed("concurrent");
        int threads = 8;
        int filesPerThread = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed + thread);
                    FileSystem own = thread % 2 == 0 ? fs : cluster.newFileSystem();
                    for (int f = 0; f < filesPerThread; f++) {
                        byte[] bytes = TestFiles.randomBytes(random, random.nextInt(3 * BLOCK));
                        Path path = new Path("/concurrent/t" + thread + "/f" + f);
                        TestFiles.write(own, path, bytes, random);
                        TestFiles.assertContent(own, path, bytes);
                        TestFiles.assertContent(fs, path, bytes);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fs.listStatus(new Path("/concurrent"))).hasSize(threads);
        assertThat(IntStream.range(0, threads).mapToObj(t -> "t" + t).toList())
                .containsExactlyInAnyOrderElementsOf(fs.listStatus(new Path("/concurrent")).stream().map(s -> s.path().name()).toList());
    }
}
