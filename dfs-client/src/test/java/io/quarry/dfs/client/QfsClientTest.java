package io.quarry.dfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.CreateOptions;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.transfer.TransferStatus;

/** The QFS client's write pipeline and reader against hand-written fake NameNode and DataNodes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QfsClientTest {
    private static final int BLOCK = 64 * 1024;

    private FakeNameNode nameNode;
    private final List<FakeDataNode> dataNodes = new ArrayList<>();
    private FileSystem fs;

    @BeforeEach
    void start() throws IOException {
        nameNode = new FakeNameNode();
        for (int i = 0; i < 3; i++) {
            FakeDataNode node = new FakeDataNode("127.0.0." + (i + 2));
            dataNodes.add(node);
            nameNode.dataNodes.add(node.id());
        }
        Configuration conf = Configuration.empty()
                .with("dfs.blocksize", String.valueOf(BLOCK))
                .with("dfs.client-write-packet-size", "16k")
                .with("dfs.replication", "3")
                .with("dfs.client.socket-timeout", "5s")
                .with("quarry.rpc.retry.max-backoff", "200ms");
        fs = FileSystem.get(URI.create("qfs://" + nameNode.address()), conf);
    }

    @AfterEach
    void stop() throws IOException {
        fs.close();
        dataNodes.forEach(FakeDataNode::close);
        nameNode.close();
    }

    private byte[] write(Path path, int size, Random random) throws IOException {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        try (OutputStream out = fs.create(path, CreateOptions.defaults())) {
            for (int offset = 0; offset < size; ) {
                int n = Math.min(size - offset, 1 + random.nextInt(5000));
                out.write(bytes, offset, n);
                offset += n;
            }
        }
        return bytes;
    }

    private byte[] read(Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void writesEveryBlockToEveryPipelineNodeAndReadsItBack() throws IOException {
        Random random = new Random(Seeds.seed("fakeRoundTrip"));
        for (int size : new int[] {0, 1, 513, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 17}) {
            Path path = new Path("/f" + size);
            byte[] bytes = write(path, size, random);
            assertThat(read(path)).isEqualTo(bytes);
            FakeNameNode.FakeFile file = nameNode.files.get("/f" + size);
            assertThat(file.complete).isTrue();
            assertThat(file.length()).isEqualTo(size);
            for (LocatedBlock block : file.blocks) {
                for (FakeDataNode node : dataNodes) {
                    FakeDataNode.Replica replica = node.replicas.get(block.block().blockId());
                    assertThat(replica.finalized).isTrue();
                    assertThat((long) replica.length).isEqualTo(block.block().numBytes());
                }
            }
        }
    }

    @Test
    void seekReadsFromAnyOffset() throws IOException {
        Random random = new Random(Seeds.seed("fakeSeek"));
        byte[] bytes = write(new Path("/seek"), 3 * BLOCK + 100, random);
        try (SeekableInputStream in = fs.openSeekable(new Path("/seek"))) {
            for (long target : new long[] {BLOCK + 7, 5, 3L * BLOCK + 99, BLOCK - 1}) {
                in.seek(target);
                assertThat((byte) in.read()).isEqualTo(bytes[(int) target]);
            }
        }
    }

    @Test
    void pipelineRecoversWhenTheMiddleNodeDies() throws IOException {
        Random random = new Random(Seeds.seed("fakeRecovery"));
        dataNodes.get(1).killAfterPackets = 6;
        byte[] bytes = write(new Path("/recover"), 2 * BLOCK + 5000, random);
        assertThat(read(new Path("/recover"))).isEqualTo(bytes);
        assertThat(nameNode.pipelineUpdates).isNotEmpty();
        assertThat(nameNode.pipelineUpdates.get(nameNode.pipelineUpdates.size() - 1).newNodes())
                .doesNotContain(dataNodes.get(1).id()).isNotEmpty();
    }

    @Test
    void pipelineRecoversWhenTheFirstNodeDies() throws IOException {
        Random random = new Random(Seeds.seed("fakeRecoveryFirst"));
        dataNodes.get(0).killAfterPackets = 3;
        byte[] bytes = write(new Path("/recover-first"), 2 * BLOCK + 5000, random);
        assertThat(read(new Path("/recover-first"))).isEqualTo(bytes);
        assertThat(nameNode.pipelineUpdates.get(0).newNodes()).doesNotContain(dataNodes.get(0).id());
    }

    @Test
    void writeFailsWhenNoPipelineNodeSurvives() {
        dataNodes.forEach(node -> node.killAfterPackets = 2);
        assertThatThrownBy(() -> write(new Path("/doomed"), 3 * BLOCK, new Random(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("/doomed");
    }

    @Test
    void readFailsOverToAnotherReplicaOnChecksumMismatchAndReportsTheBadOne() throws IOException {
        Random random = new Random(Seeds.seed("fakeCorrupt"));
        byte[] bytes = write(new Path("/corrupt"), BLOCK + 10, random);
        LocatedBlock first = nameNode.files.get("/corrupt").blocks.get(0);
        FakeDataNode bad = dataNodes.stream().filter(n -> n.id().equals(first.locations().get(0))).findFirst().orElseThrow();
        bad.corruptOffset = 1234;
        assertThat(read(new Path("/corrupt"))).isEqualTo(bytes);
        assertThat(nameNode.badBlocks).hasSize(1);
        assertThat(nameNode.badBlocks.get(0).locations()).containsExactly(bad.id());
        assertThat(nameNode.badBlocks.get(0).block().blockId()).isEqualTo(first.block().blockId());
        assertThat(bad.readStatuses).contains(TransferStatus.ERROR_CHECKSUM);
    }

    @Test
    void readFailsNamingFileBlockAndEveryReplicaWhenNoneServesIt() throws IOException {
        write(new Path("/gone"), 1000, new Random(2));
        LocatedBlock block = nameNode.files.get("/gone").blocks.get(0);
        dataNodes.get(0).corruptOffset = 10;
        dataNodes.get(1).kill();
        dataNodes.get(2).corruptOffset = 10;
        assertThatThrownBy(() -> read(new Path("/gone")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Could not read " + block.block().name() + " of /gone at offset 0")
                .hasMessageContaining(dataNodes.get(0).id() + ": checksum mismatch")
                .hasMessageContaining(dataNodes.get(1).id() + ": connection refused")
                .hasMessageContaining(dataNodes.get(2).id().toString());
    }

    @Test
    void leasesAreRenewedWhileFilesAreOpenForWriting() throws IOException {
        try (FileSystem shortLease = FileSystem.get(URI.create("qfs://" + nameNode.address()),
                Configuration.empty().with("quarry.namenode.lease.soft-limit", "100ms").with("dfs.replication", "1"))) {
            OutputStream out = shortLease.create(new Path("/leased"), CreateOptions.defaults());
            out.write(1);
            Await.until("three lease renewals", Duration.ofSeconds(10), () -> nameNode.leaseRenewals.get() >= 3);
            out.close();
            long afterClose = nameNode.leaseRenewals.get();
            try (OutputStream second = shortLease.create(new Path("/leased-2"), CreateOptions.defaults())) {
                second.write(2);
                Await.until("renewals to resume for a newly opened file", Duration.ofSeconds(10),
                        () -> nameNode.leaseRenewals.get() >= afterClose + 2);
            }
        }
    }

    @Test
    void missingFileIsFileNotFoundNamingThePath() {
        assertThatThrownBy(() -> fs.open(new Path("/missing"))).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("/missing");
        assertThatThrownBy(() -> fs.getFileStatus(new Path("/missing"))).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("/missing");
    }
}
