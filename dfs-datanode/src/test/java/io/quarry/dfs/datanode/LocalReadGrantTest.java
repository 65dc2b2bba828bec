package io.quarry.dfs.datanode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.LocalReadResponse;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A DataNode tells a client on its host where a finalized replica's files are, and nothing else. */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalReadGrantTest {
    private static final AtomicLong BLOCK_IDS = new AtomicLong(5000);

    @TempDir
    static Path dir;
    private TestCluster cluster;
    private BlockClient client;
    private Random random;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new TestCluster(dir, 1);
        client = new BlockClient();
        random = new Random(Seeds.seed("LocalReadGrantTest"));
    }

    @AfterAll
    void stopCluster() {
        client.close();
        cluster.close();
        cluster.assertNoFaults();
    }

    private byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    @Test
    void aFinalizedReplicaIsGrantedWithThePathsOfItsBlockAndChecksumFiles() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 3, 0);
        byte[] data = randomBytes(70_000);
        DatanodeId node = cluster.get(0).id();
        client.write(List.of(node), block, data, 64 * 1024);

        LocalReadResponse granted = client.localRead(node, block);
        assertThat(granted.status()).as(granted.message()).isEqualTo(TransferStatus.SUCCESS);
        assertThat(granted.replicaLength()).isEqualTo(data.length);
        assertThat(Files.readAllBytes(Path.of(granted.blockFile()))).isEqualTo(data);
        assertThat(Path.of(granted.metaFile())).hasSize(MetaFile.length(data.length, 512));
        assertThat(cluster.get(0).metrics().value("quarry_datanode_local_reads_granted_total")).isPositive();
    }

    @Test
    void blockDirectoriesAreOpenToTheDataNodesUserOnly() throws Exception {
        for (Path root : cluster.get(0).dataDirectories()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        }
    }

    @Test
    void aReplicaBeingWrittenIsNotGranted() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 1, 0);
        byte[] data = randomBytes(2000);
        DatanodeId node = cluster.get(0).id();
        try (BlockClient.Writer writer = client.openWrite(List.of(node), block, WriteStage.CREATE, 0)) {
            writer.sendPacket(0, data, 0, 1000, Packet.FLAG_SYNC, false);
            assertThat(writer.awaitAck().isSuccess()).isTrue();

            LocalReadResponse refused = client.localRead(node, block);
            assertThat(refused.status()).isEqualTo(TransferStatus.ERROR_INVALID);
            assertThat(refused.message()).contains("not finalized");
            assertThat(refused.blockFile()).isEmpty();

            writer.sendPacket(1000, data, 1000, 1000, Packet.FLAG_LAST, false);
            assertThat(writer.awaitAck().isSuccess()).isTrue();
        }
        assertThat(client.localRead(node, block.withNumBytes(2000)).status()).isEqualTo(TransferStatus.SUCCESS);
    }

    @Test
    void missingAndStaleReplicasAreRefusedWithTheirStatus() throws Exception {
        Block block = new Block(BLOCK_IDS.incrementAndGet(), 5, 0);
        DatanodeId node = cluster.get(0).id();
        client.write(List.of(node), block, randomBytes(1000), 64 * 1024);

        LocalReadResponse missing = client.localRead(node, new Block(999_999, 1, 0));
        assertThat(missing.status()).isEqualTo(TransferStatus.ERROR_NOT_FOUND);
        assertThat(missing.message()).contains("blk_999999");
        assertThat(client.localRead(node, block.withGenerationStamp(6)).status()).isEqualTo(TransferStatus.ERROR_STALE_GENERATION);
    }
}
