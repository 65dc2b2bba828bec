package io.quarry.dfs.datanode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;
import io.quarry.dfs.protocol.datanode.RecoverBlockCommand;
import io.quarry.dfs.protocol.datanode.ReplicaChangeType;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class PipelineRecoveryTest {
    @TempDir
    Path dir;
    private TestCluster cluster;
    private BlockClient client;
    private Random random;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir, 3);
        client = new BlockClient();
        random = new Random(Seeds.seed("PipelineRecoveryTest"));
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
        cluster.assertNoFaults();
    }

    @Test
    void aMiddleNodeAbortedMidWriteIsReportedByIndexAndTheSurvivorsFinishTheBlockAtANewStamp() throws Exception {
        byte[] data = new byte[20_000];
        random.nextBytes(data);
        int packetSize = 700;
        Block block = new Block(42, 1, 0);
        long acked = 0;
        try (BlockClient.Writer writer = client.openWrite(List.of(cluster.get(0).id(), cluster.get(1).id(), cluster.get(2).id()), block,
                WriteStage.CREATE, 0)) {
            assertThat(writer.response.status()).isEqualTo(TransferStatus.SUCCESS);
            for (int i = 0; i < 5; i++) {
                writer.sendPacket(acked, data, (int) acked, packetSize, 0, false);
                assertThat(writer.awaitAck().statuses()).containsOnly(TransferStatus.SUCCESS).hasSize(3);
                acked += packetSize;
            }
            cluster.get(1).abort();
            writer.sendPacket(acked, data, (int) acked, packetSize, 0, false);
            PipelineAck failure = writer.awaitAck();
            assertThat(failure.firstFailure()).isEqualTo(1);
            assertThat(failure.statuses().get(0)).isEqualTo(TransferStatus.SUCCESS);
        }

        Block recovered = block.withGenerationStamp(2);
        try (BlockClient.Writer writer = client.openWrite(List.of(cluster.get(0).id(), cluster.get(2).id()), recovered,
                WriteStage.PIPELINE_RECOVERY, 1)) {
            assertThat(writer.response.status()).isEqualTo(TransferStatus.SUCCESS);
            PipelineAck last = writer.writeAll(acked, data, (int) acked, packetSize);
            assertThat(last.statuses()).containsOnly(TransferStatus.SUCCESS).hasSize(2);
        }

        for (int node : new int[] {0, 2}) {
            String uuid = cluster.get(node).id().uuid();
            Await.until("RECEIVED at stamp 2 from node " + node, Duration.ofSeconds(10), () -> cluster.nameNode
                    .changes(uuid, ReplicaChangeType.RECEIVED).stream()
                    .anyMatch(change -> change.block().equals(new Block(42, 2, data.length))));
            assertThat(client.read(cluster.get(node).id(), recovered, 0, data.length)).isEqualTo(data);
        }
    }

    @Test
    void leaseRecoveryTruncatesEveryReplicaToTheShortestVerifiedLengthAndCommits() throws Exception {
        byte[] data = new byte[6000];
        random.nextBytes(data);
        Block block = new Block(77, 3, 0);
        writeWithoutClosing(0, block, data, 4100);
        writeWithoutClosing(1, block, data, 2500);

        cluster.nameNode.queueCommand(cluster.get(0).id().uuid(),
                new RecoverBlockCommand(block, 9, List.of(cluster.get(0).id(), cluster.get(1).id())));
        Await.until("CommitBlockSynchronization of blk_77", Duration.ofSeconds(10), () -> !cluster.nameNode.commits.isEmpty());
        CommitBlockSynchronization commit = cluster.nameNode.commits.get(0);
        assertThat(commit.newLength()).isEqualTo(2500);
        assertThat(commit.newGenerationStamp()).isEqualTo(9);
        assertThat(commit.closeFile()).isTrue();
        assertThat(commit.deleteBlock()).isFalse();
        assertThat(commit.newTargetUuids()).containsExactlyInAnyOrder(cluster.get(0).id().uuid(), cluster.get(1).id().uuid());

        byte[] expected = java.util.Arrays.copyOf(data, 2500);
        for (int node = 0; node < 2; node++) {
            assertThat(cluster.get(node).blockFile(77)).as("node %d finalized", node).isNotNull().hasSize(2500);
            assertThat(client.read(cluster.get(node).id(), block.withGenerationStamp(9), 0, 10_000)).isEqualTo(expected);
        }
    }

    private void writeWithoutClosing(int node, Block block, byte[] data, int length) throws Exception {
        try (BlockClient.Writer writer = client.openWrite(List.of(cluster.get(node).id()), block, WriteStage.CREATE, 0)) {
            int sent = 0;
            int packets = 0;
            while (sent < length) {
                int size = Math.min(1024, length - sent);
                writer.sendPacket(sent, data, sent, size, 0, false);
                sent += size;
                packets++;
            }
            for (int i = 0; i < packets; i++) {
                assertThat(writer.awaitAck().isSuccess()).isTrue();
            }
        }
        Await.until("write to node " + node + " stopped", Duration.ofSeconds(10),
                () -> !cluster.get(node).dataset().get(block.blockId()).isBeingWritten());
    }

}
