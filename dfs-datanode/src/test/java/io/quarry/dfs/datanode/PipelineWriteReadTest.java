package io.quarry.dfs.datanode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.datanode.ReplicaChangeType;
import io.quarry.dfs.protocol.transfer.ReadBlockResponse;
import io.quarry.dfs.protocol.transfer.TransferStatus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineWriteReadTest {
    private static final AtomicLong BLOCK_IDS = new AtomicLong(1000);

    @TempDir
    static Path dir;
    private TestCluster cluster;
    private BlockClient client;
    private Random random;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new TestCluster(dir, 3);
        client = new BlockClient();
        random = new Random(Seeds.seed("PipelineWriteReadTest"));
    }

    @AfterAll
    void stopCluster() {
        client.close();
        cluster.close();
        cluster.assertNoFaults();
    }

    private List<DatanodeId> pipeline() {
        return List.of(cluster.get(0).id(), cluster.get(1).id(), cluster.get(2).id());
    }

    private byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    @Test
    void blocksOfEverySizeWriteThroughThreeNodesAndReadBackFromEach() throws Exception {
        int[] sizes = {0, 1, 511, 512, 513, 65535, 65536, 65537, 300_000};
        for (int size : sizes) {
            Block block = new Block(BLOCK_IDS.incrementAndGet(), 1, 0);
            byte[] data = randomBytes(size);
            client.write(pipeline(), block, data, 64 * 1024);
            for (int node = 0; node < 3; node++) {
                String uuid = cluster.get(node).id().uuid();
                Await.until("RECEIVED of " + block + " from DataNode " + node, Duration.ofSeconds(10),
                        () -> cluster.nameNode.hasChange(uuid, block.blockId(), ReplicaChangeType.RECEIVED));
                assertThat(client.read(cluster.get(node).id(), block.withNumBytes(size), 0, size)).as("size %d from node %d", size, node)
                        .isEqualTo(data);
                assertThat(cluster.get(node).blockFile(block.blockId())).exists().hasSize(size);
            }
            assertThat(cluster.nameNode.changes(cluster.get(2).id().uuid(), ReplicaChangeType.RECEIVED))
                    .anyMatch(change -> change.block().blockId() == block.blockId() && change.block().numBytes() == size);
        }
    }

    @Test
    void rangesInTheMiddleAndAcrossChunkBoundariesReadExactly() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 1, 0);
        byte[] data = randomBytes(200_000);
        client.write(pipeline(), block, data, 10_000);
        long[][] ranges = {{0, 1}, {511, 2}, {512, 512}, {1000, 70_000}, {65_535, 3}, {199_999, 1}, {200_000, 0}, {123_457, 76_543},
                {100, 1_000_000}};
        for (long[] range : ranges) {
            int offset = (int) range[0];
            int expected = (int) Math.min(range[1], data.length - offset);
            byte[] read = client.read(cluster.get(1).id(), block, offset, range[1]);
            byte[] want = new byte[expected];
            System.arraycopy(data, offset, want, 0, expected);
            assertThat(read).as("range %d+%d", offset, range[1]).isEqualTo(want);
        }
    }

    @Test
    void aBlockBeingWrittenIsReadableUpToItsAcknowledgedLength() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 1, 0);
        byte[] data = randomBytes(5000);
        try (BlockClient.Writer writer = client.openWrite(pipeline(), block, io.quarry.dfs.protocol.transfer.WriteStage.CREATE, 0)) {
            writer.sendPacket(0, data, 0, 1300, io.quarry.dfs.protocol.transfer.Packet.FLAG_SYNC, false);
            assertThat(writer.awaitAck().isSuccess()).isTrue();
            for (int node = 0; node < 3; node++) {
                assertThat(client.read(cluster.get(node).id(), block, 0, 10_000)).isEqualTo(java.util.Arrays.copyOf(data, 1300));
                assertThat(client.read(cluster.get(node).id(), block, 1000, 200)).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 1200));
            }
            // the next packet starts inside the partial chunk the last one left
            writer.sendPacket(1300, data, 1300, 3700, io.quarry.dfs.protocol.transfer.Packet.FLAG_LAST, false);
            assertThat(writer.awaitAck().isSuccess()).isTrue();
        }
        for (int node = 0; node < 3; node++) {
            assertThat(client.read(cluster.get(node).id(), block, 0, 5000)).isEqualTo(data);
        }
        assertThat(cluster.get(0).scanNow()).isZero();
    }

    @Test
    void readsOfMissingStaleOrOutOfRangeReplicasAreRefusedWithAClearStatus() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 5, 0);
        client.write(List.of(cluster.get(0).id()), block, randomBytes(1000), 64 * 1024);
        DatanodeId node = cluster.get(0).id();

        ReadBlockResponse missing = client.readResponse(node, new Block(999_999, 1, 0), 0, 10);
        assertThat(missing.status()).isEqualTo(TransferStatus.ERROR_NOT_FOUND);
        assertThat(missing.message()).contains("blk_999999");

        ReadBlockResponse stale = client.readResponse(node, block.withGenerationStamp(6), 0, 10);
        assertThat(stale.status()).isEqualTo(TransferStatus.ERROR_STALE_GENERATION);

        ReadBlockResponse beyond = client.readResponse(node, block, 1001, 10);
        assertThat(beyond.status()).isEqualTo(TransferStatus.ERROR_INVALID);
        assertThat(beyond.message()).contains("1001").contains("blk_" + block.blockId());
    }

    @Test
    void aCorruptPacketChecksumIsRefusedAndTheReplicaIsNotFinalized() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 1, 0);
        byte[] data = randomBytes(4096);
        try (BlockClient.Writer writer = client.openWrite(pipeline(), block, io.quarry.dfs.protocol.transfer.WriteStage.CREATE, 0)) {
            assertThat(writer.response.status()).isEqualTo(TransferStatus.SUCCESS);
            writer.sendPacket(0, data, 0, 2048, 0, false);
            assertThat(writer.awaitAck().isSuccess()).isTrue();
            writer.sendPacket(2048, data, 2048, 2048, io.quarry.dfs.protocol.transfer.Packet.FLAG_LAST, true);
            assertThat(writer.awaitAck().statuses()).first().isEqualTo(TransferStatus.ERROR_CHECKSUM);
        }
        for (int node = 0; node < 3; node++) {
            DataNode dataNode = cluster.get(node);
            Await.until("write of " + block + " stopped on node", Duration.ofSeconds(10),
                    () -> !dataNode.dataset().get(block.blockId()).isBeingWritten());
            assertThat(dataNode.dataset().get(block.blockId()).state()).isEqualTo(ReplicaState.RBW);
            assertThat(dataNode.blockFile(block.blockId())).isNull();
            assertThat(cluster.nameNode.hasChange(dataNode.id().uuid(), block.blockId(), ReplicaChangeType.RECEIVED)).isFalse();
        }
        assertThat(cluster.get(0).metrics().value("quarry_datanode_checksum_failures_total")).isPositive();
    }

    @Test
    void aByteFlippedOnDiskIsFoundByTheScannerReportedAndNotServedAgain() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 1, 0);
        byte[] data = randomBytes(5000);
        client.write(List.of(cluster.get(2).id()), block, data, 64 * 1024);
        DataNode node = cluster.get(2);
        Path file = node.blockFile(block.blockId());
        byte[] onDisk = Files.readAllBytes(file);
        onDisk[1234] ^= 0x40;
        Files.write(file, onDisk);

        assertThatThrownBy(() -> client.read(node.id(), block, 0, 5000)).isInstanceOf(BlockClient.ChecksumException.class);

        assertThat(node.scanNow()).isGreaterThanOrEqualTo(0);
        Await.until("corrupt report of " + block, Duration.ofSeconds(10), () -> cluster.nameNode.corruptReports.stream()
                .anyMatch(report -> report.block().blockId() == block.blockId() && report.datanodeUuid().equals(node.id().uuid())));
        ReadBlockResponse refused = client.readResponse(node.id(), block, 0, 5000);
        assertThat(refused.status()).isNotEqualTo(TransferStatus.SUCCESS);
        assertThat(refused.message()).contains("corrupt");
    }

    @Test
    void theScannerReportsACorruptReplicaNobodyRead() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 1, 0);
        client.write(List.of(cluster.get(1).id()), block, randomBytes(3000), 64 * 1024);
        DataNode node = cluster.get(1);
        Path file = node.blockFile(block.blockId());
        byte[] onDisk = Files.readAllBytes(file);
        onDisk[2999] ^= 0x01;
        Files.write(file, onDisk);

        assertThat(node.scanNow()).isEqualTo(1);
        Await.until("corrupt report of " + block, Duration.ofSeconds(10), () -> cluster.nameNode.corruptReports.stream()
                .anyMatch(report -> report.block().blockId() == block.blockId()));
        assertThat(client.readResponse(node.id(), block, 0, 10).status()).isNotEqualTo(TransferStatus.SUCCESS);
    }
}
