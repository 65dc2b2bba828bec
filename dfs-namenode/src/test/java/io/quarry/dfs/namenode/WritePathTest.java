package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.time.ManualClock;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.client.AbandonBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.CompleteReply;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.UpdateBlockForPipeline;
import io.quarry.dfs.protocol.client.UpdatePipeline;
import io.quarry.dfs.protocol.datanode.DeleteBlocksCommand;
import io.quarry.dfs.protocol.datanode.ReplicaReport;

@Timeout(60)
class WritePathTest {
    @TempDir
    Path dir;
    TestCluster cluster;
    BlockTestSupport support;
    TestCluster.Client client;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir.resolve("name"), new ManualClock(), BlockTestSupport.conf(BlockTestSupport.topology(dir)));
        support = new BlockTestSupport(cluster, 3);
        client = cluster.client(TestCluster.ADMIN);
    }

    @AfterEach
    void stop() throws Exception {
        support.close();
        cluster.close();
    }

    private long create(String path, int replication) throws QuarryException {
        return client.call(new Create(path, (short) 0644, client.name(), false, true, (short) replication, 1 << 20),
                FileStatusReply.class).status().fileId();
    }

    @Test
    void pipelineRecoveryRestampsTheBlockAndStaleReplicasAreDeleted() throws Exception {
        long fileId = create("/p", 2);
        LocatedBlock located = client.call(new AddBlock("/p", fileId, client.name(), null, List.of(), "h"), LocatedBlock.class);
        DatanodeId survivor = located.locations().get(0);
        DatanodeId dropped = located.locations().get(1);
        LocatedBlock renewed = client.call(new UpdateBlockForPipeline(located.block(), client.name()), LocatedBlock.class);
        assertThat(renewed.block().generationStamp()).isGreaterThan(located.block().generationStamp());
        Block newBlock = renewed.block().withNumBytes(300);
        client.call(new UpdatePipeline(client.name(), located.block(), newBlock, List.of(survivor)));
        LocatedBlocks open = client.call(new GetBlockLocations("/p", 0, Long.MAX_VALUE, "h"), LocatedBlocks.class);
        assertThat(open.underConstruction()).isTrue();
        assertThat(open.blocks().get(0).locations()).containsExactly(survivor);

        support.byUuid(survivor.uuid()).received(newBlock);
        FakeDatanode stale = support.byUuid(dropped.uuid());
        stale.blockReport(List.of(new ReplicaReport(newBlock.blockId(), located.block().generationStamp(), 100, ReplicaState.RBW)));
        stale.heartbeat();
        assertThat(stale.commandsOf(DeleteBlocksCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.blocks()).extracting(Block::blockId).containsExactly(newBlock.blockId()));
        assertThat(client.call(new Complete("/p", fileId, client.name(), newBlock), CompleteReply.class).completed()).isTrue();
        assertThatThrownBy(() -> client.call(new UpdatePipeline(client.name(), newBlock, newBlock, List.of(survivor))))
                .isInstanceOf(QuarryException.class);
    }

    @Test
    void abandonedBlocksLeaveTheFileAndAddBlockRetriesGetTheSameBlock() throws Exception {
        long fileId = create("/a", 1);
        LocatedBlock first = client.call(new AddBlock("/a", fileId, client.name(), null, List.of(), "h"), LocatedBlock.class);
        LocatedBlock retried = client.call(new AddBlock("/a", fileId, client.name(), null, List.of(), "h"), LocatedBlock.class);
        assertThat(retried.block()).isEqualTo(first.block());
        client.call(new AbandonBlock(first.block(), "/a", fileId, client.name()));
        client.call(new AbandonBlock(first.block(), "/a", fileId, client.name()));
        LocatedBlock second = client.call(new AddBlock("/a", fileId, client.name(), null, List.of(first.locations().get(0).uuid()), "h"),
                LocatedBlock.class);
        assertThat(second.block().blockId()).isNotEqualTo(first.block().blockId());
        assertThat(second.locations()).doesNotContain(first.locations().get(0));
        assertThat(client.call(new GetBlockLocations("/a", 0, Long.MAX_VALUE, "h"), LocatedBlocks.class).blocks()).hasSize(1);
    }

    @Test
    void secondBlockStartsAtTheCommittedLengthOfTheFirst() throws Exception {
        long fileId = create("/two", 1);
        LocatedBlock first = client.call(new AddBlock("/two", fileId, client.name(), null, List.of(), "h"), LocatedBlock.class);
        Block full = first.block().withNumBytes(1 << 20);
        support.of(first).get(0).received(full);
        LocatedBlock second = client.call(new AddBlock("/two", fileId, client.name(), full, List.of(), "h"), LocatedBlock.class);
        assertThat(second.offset()).isEqualTo(1 << 20);
        Block tail = second.block().withNumBytes(10);
        support.of(second).get(0).received(tail);
        assertThat(client.call(new Complete("/two", fileId, client.name(), tail), CompleteReply.class).completed()).isTrue();
        LocatedBlocks blocks = client.call(new GetBlockLocations("/two", (1 << 20) + 1, 5, "h"), LocatedBlocks.class);
        assertThat(blocks.fileLength()).isEqualTo((1 << 20) + 10);
        assertThat(blocks.blocks()).extracting(b -> b.block().blockId()).containsExactly(tail.blockId());
        assertThatThrownBy(() -> client.call(new AddBlock("/two", fileId, "someone-else", tail, List.of(), "h"), LocatedBlock.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEASE_EXPIRED));
    }
}
