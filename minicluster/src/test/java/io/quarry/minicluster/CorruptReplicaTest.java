package io.quarry.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.Path;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.dfs.datanode.DataNode;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.client.GetBlockLocations;

/**
 * A flipped byte on one replica never reaches the reader, and the NameNode learns of the bad
 * replica; with short-circuit reads here and over sockets in {@link SocketReadCorruptReplicaTest}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorruptReplicaTest {
    @TempDir
    static java.nio.file.Path baseDir;
    MiniQfsCluster cluster;
    QfsFileSystem fs;

    @BeforeAll
    void startCluster() throws IOException {
        cluster = MiniQfsCluster.builder(baseDir).numDataNodes(4)
                .set("dfs.replication", "3")
                .set("dfs.blocksize", "64k")
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

    private LocatedBlock firstBlock(Path path) throws IOException {
        return fs.callNameNode(new GetBlockLocations(fs.qualify(path).path(), 0, 1, "localhost"), LocatedBlocks.class).blocks().get(0);
    }

    private DataNode holder(DatanodeId id) {
        for (DataNode node : cluster.dataNodes()) {
            if (node.transferAddress().equals(id.transferAddress())) {
                return node;
            }
        }
        throw new AssertionError("No running DataNode at " + id);
    }

    private static void flipByte(DataNode node, long blockId, long offset) throws IOException {
        java.nio.file.Path file = node.blockFile(blockId);
        assertThat(file).as("block file of blk_%d on %s", blockId, node.transferAddress()).isNotNull();
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x5a;
        Files.write(file, bytes);
    }

    @Test
    void readReturnsTheRightBytesAndTheBadReplicaIsReportedAndReplaced() throws Exception {
        Random random = new Random(Seeds.seed("corruptReplica"));
        byte[] bytes = TestFiles.randomBytes(random, 100_000);
        Path path = new Path("/corrupt/one");
        TestFiles.write(fs, path, bytes, random);
        cluster.waitReplication(path, 3, Duration.ofSeconds(20));
        LocatedBlock block = firstBlock(path);
        DatanodeId bad = block.locations().get(0);
        flipByte(holder(bad), block.block().blockId(), 1000);

        // The NameNode hands out replicas in random order: read until a reader has met the bad one.
        Await.untilNoException("a reader to report the corrupt replica on " + bad, Duration.ofSeconds(30), () -> {
            TestFiles.assertContent(fs, path, bytes);
            assertThat(firstBlock(path).locations()).doesNotContain(bad);
        });
        Await.untilNoException("the NameNode to re-replicate " + block.block() + " away from " + bad, Duration.ofSeconds(30), () -> {
            assertThat(firstBlock(path).locations()).doesNotContain(bad).hasSize(3);
        });
        TestFiles.assertContent(cluster.newFileSystem(), path, bytes);
    }

    @Test
    void aReplicaWhoseBlockFileVanishedIsReadFromAnother() throws Exception {
        Random random = new Random(Seeds.seed("vanishedReplica"));
        byte[] bytes = TestFiles.randomBytes(random, 50_000);
        Path path = new Path("/corrupt/vanished");
        TestFiles.write(fs, path, bytes, random);
        cluster.waitReplication(path, 3, Duration.ofSeconds(20));
        LocatedBlock block = firstBlock(path);
        for (DatanodeId id : block.locations().subList(0, 2)) {
            java.nio.file.Path file = holder(id).blockFile(block.block().blockId());
            Files.move(file, file.resolveSibling(file.getFileName() + ".moved"));
        }
        TestFiles.assertContent(cluster.newFileSystem(), path, bytes);
    }

    @Test
    void readFailsNamingFileBlockOffsetAndEveryReplicaWhenAllAreCorrupt() throws Exception {
        Random random = new Random(Seeds.seed("allCorrupt"));
        byte[] bytes = TestFiles.randomBytes(random, 5000);
        Path path = new Path("/corrupt/all");
        TestFiles.write(fs, path, bytes, random);
        cluster.waitReplication(path, 3, Duration.ofSeconds(20));
        LocatedBlock block = firstBlock(path);
        for (DatanodeId id : block.locations()) {
            flipByte(holder(id), block.block().blockId(), 4000);
        }
        assertThatThrownBy(() -> TestFiles.read(cluster.newFileSystem(), path))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Could not read blk_" + block.block().blockId())
                .hasMessageContaining("/corrupt/all")
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining(block.locations().get(0).toString())
                .hasMessageContaining(block.locations().get(1).toString())
                .hasMessageContaining(block.locations().get(2).toString());
    }
}
