package io.quarry.dfs.datanode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.datanode.BlockReport;
import io.quarry.dfs.protocol.datanode.DeleteBlocksCommand;
import io.quarry.dfs.protocol.datanode.ReplicaChangeType;
import io.quarry.dfs.protocol.datanode.ReplicaReport;
import io.quarry.dfs.protocol.datanode.TransferBlockCommand;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class CommandsAndRestartTest {
    @TempDir
    Path dir;
    private TestCluster cluster;
    private BlockClient client;
    private Random random;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir, 2);
        client = new BlockClient();
        random = new Random(Seeds.seed("CommandsAndRestartTest"));
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    private byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    @Test
    void transferBlockCommandCopiesAReplicaAndDeleteBlocksCommandRemovesIt() throws Exception {
        Block block = new Block(500, 4, 0);
        byte[] data = randomBytes(150_000);
        client.write(List.of(cluster.get(0).id()), block, data, 64 * 1024);
        String target = cluster.get(1).id().uuid();

        cluster.nameNode.queueCommand(cluster.get(0).id().uuid(),
                new TransferBlockCommand(block.withNumBytes(data.length), List.of(cluster.get(1).id())));
        Await.until("RECEIVED of the copy", Duration.ofSeconds(10), () -> cluster.nameNode.hasChange(target, 500, ReplicaChangeType.RECEIVED));
        assertThat(client.read(cluster.get(1).id(), block, 0, data.length)).isEqualTo(data);
        assertThat(cluster.get(0).metrics().value("quarry_datanode_blocks_replicated_total")).isEqualTo(1);

        cluster.nameNode.queueCommand(target, new DeleteBlocksCommand(List.of(block.withNumBytes(data.length))));
        Await.until("DELETED of the copy", Duration.ofSeconds(10), () -> cluster.nameNode.hasChange(target, 500, ReplicaChangeType.DELETED));
        assertThat(cluster.get(1).blockFile(500)).isNull();
        assertThat(cluster.get(1).dataset().get(500)).isNull();
        assertThat(client.readResponse(cluster.get(1).id(), block, 0, 10).status()).isEqualTo(TransferStatus.ERROR_NOT_FOUND);
        assertThat(client.read(cluster.get(0).id(), block, 0, data.length)).isEqualTo(data);
        cluster.assertNoFaults();
    }

    @Test
    void aCorruptSourceIsReportedInsteadOfBeingCopied() throws Exception {
        Block block = new Block(510, 1, 0);
        byte[] data = randomBytes(5000);
        client.write(List.of(cluster.get(0).id()), block, data, 64 * 1024);
        Path file = cluster.get(0).blockFile(510);
        byte[] onDisk = Files.readAllBytes(file);
        onDisk[4000] ^= 0x10;
        Files.write(file, onDisk);

        cluster.nameNode.queueCommand(cluster.get(0).id().uuid(),
                new TransferBlockCommand(block.withNumBytes(data.length), List.of(cluster.get(1).id())));
        Await.until("corrupt report of blk_510", Duration.ofSeconds(10), () -> cluster.nameNode.corruptReports.stream()
                .anyMatch(report -> report.block().blockId() == 510 && report.reason().contains("offset 3584")));
        assertThat(cluster.nameNode.hasChange(cluster.get(1).id().uuid(), 510, ReplicaChangeType.RECEIVED)).isFalse();
        cluster.assertNoFaults();
    }

    @Test
    void recoveryOfABlockNoReplicaHoldsAsksTheNameNodeToDropIt() {
        Block block = new Block(520, 1, 0);
        cluster.nameNode.queueCommand(cluster.get(0).id().uuid(), new io.quarry.dfs.protocol.datanode.RecoverBlockCommand(block, 2,
                List.of(cluster.get(0).id(), cluster.get(1).id())));
        Await.until("commit of blk_520", Duration.ofSeconds(10), () -> !cluster.nameNode.commits.isEmpty());
        assertThat(cluster.nameNode.commits.get(0).deleteBlock()).isTrue();
        assertThat(cluster.nameNode.commits.get(0).oldBlock()).isEqualTo(block);
    }

    @Test
    void aRestartKeepsTheUuidAndReplicasAndReportsBeingWrittenReplicasAtTheirVerifiedLength() throws Exception {
        DataNode node = cluster.get(0);
        String uuid = node.id().uuid();
        Block finalized = new Block(600, 1, 0);
        byte[] data = randomBytes(70_000);
        client.write(List.of(node.id()), finalized, data, 64 * 1024);

        Block open = new Block(601, 1, 0);
        try (BlockClient.Writer writer = client.openWrite(List.of(node.id()), open, WriteStage.CREATE, 0)) {
            writer.sendPacket(0, data, 0, 3000, 0, false);
            assertThat(writer.awaitAck().isSuccess()).isTrue();
        }
        Await.until("write of blk_601 stopped", Duration.ofSeconds(10), () -> !node.dataset().get(601).isBeingWritten());
        Path rbwFile = node.dataset().get(601).blockFile();
        node.close();
        // bytes on disk that no checksum covers: a write torn by a crash
        try (FileChannel channel = FileChannel.open(rbwFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(randomBytes(1000)));
        }

        int reportsBefore = cluster.nameNode.blockReports.size();
        DataNode restarted = cluster.restart(0);
        assertThat(restarted.id().uuid()).isEqualTo(uuid);
        Await.until("block report after restart", Duration.ofSeconds(10), () -> cluster.nameNode.blockReports.size() > reportsBefore);
        BlockReport report = cluster.nameNode.lastBlockReport(uuid);
        assertThat(report.replicas()).contains(new ReplicaReport(600, 1, data.length, ReplicaState.FINALIZED),
                new ReplicaReport(601, 1, 3000, ReplicaState.RBW));
        assertThat(Files.size(restarted.dataset().get(601).blockFile())).isEqualTo(3000);
        assertThat(client.read(restarted.id(), finalized, 0, data.length)).isEqualTo(data);
        cluster.assertNoFaults();
    }

    @Test
    void aNameNodeAskingForReRegistrationGetsARegistrationAndAFullBlockReport() throws Exception {
        String uuid = cluster.get(0).id().uuid();
        long registrations = countRegistrations(uuid);
        int reports = cluster.nameNode.blockReports.size();
        cluster.nameNode.askToReRegister(uuid);
        Await.until("re-registration", Duration.ofSeconds(10), () -> countRegistrations(uuid) > registrations);
        Await.until("block report after re-registration", Duration.ofSeconds(10), () -> cluster.nameNode.blockReports.size() > reports);
        cluster.assertNoFaults();
    }

    @Test
    void storageOfAnotherClusterIsRefused() throws Exception {
        cluster.get(1).close();
        cluster.nameNode.setClusterId("another-cluster");
        DataNode stranger = DataNode.start(cluster.conf(1), io.quarry.common.time.Clock.system(), cluster.faults.get(0));
        try {
            Await.until("cluster id mismatch fault", Duration.ofSeconds(10), () -> !cluster.faults.get(0).faults().isEmpty());
            assertThat(stranger.isRegistered()).isFalse();
            assertThat(cluster.faults.get(0).faults().get(0)).contains("refusing");
        } finally {
            stranger.close();
        }
    }

    @Test
    void aSecondDataNodeOnTheSameDirectoryIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataNode.start(cluster.conf(0)))
                .isInstanceOf(IOException.class).hasMessageContaining("in use by another DataNode");
    }

    private long countRegistrations(String uuid) {
        return cluster.nameNode.registrations.stream().filter(r -> r.id().uuid().equals(uuid)).count();
    }

}
