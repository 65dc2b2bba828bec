package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.time.ManualClock;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.CompleteReply;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.Delete;
import io.quarry.dfs.protocol.client.DeleteReply;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetDatanodeReport;
import io.quarry.dfs.protocol.client.ReportBadBlocks;
import io.quarry.dfs.protocol.client.SetReplication;
import io.quarry.dfs.protocol.datanode.DeleteBlocksCommand;
import io.quarry.dfs.protocol.datanode.Heartbeat;
import io.quarry.dfs.protocol.datanode.HeartbeatReply;
import io.quarry.dfs.protocol.datanode.ReplicaReport;
import io.quarry.dfs.protocol.datanode.TransferBlockCommand;

@Timeout(60)
class BlockManagementTest {
    @TempDir
    Path dir;
    ManualClock clock = new ManualClock();
    TestCluster cluster;
    BlockTestSupport support;
    TestCluster.Client client;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir.resolve("name"), clock, BlockTestSupport.conf(BlockTestSupport.topology(dir)));
        support = new BlockTestSupport(cluster, 4);
        client = cluster.client(TestCluster.ADMIN);
    }

    @AfterEach
    void stop() throws Exception {
        support.close();
        cluster.close();
    }

    private LocatedBlocks locations(String path, String clientHost) throws Exception {
        return client.call(new GetBlockLocations(path, 0, Long.MAX_VALUE, clientHost), LocatedBlocks.class);
    }

    @Test
    void placementPutsFirstReplicaOnTheWriterAndTheOthersOnAnotherRack() throws Exception {
        for (int i = 0; i < 10; i++) {
            long fileId = client.call(new Create("/p" + i, (short) 0644, client.name(), false, true, (short) 3, 1 << 20),
                    FileStatusReply.class).status().fileId();
            LocatedBlock block = client.call(new AddBlock("/p" + i, fileId, client.name(), null, List.of(), "127.0.0.1"), LocatedBlock.class);
            List<DatanodeId> targets = block.locations();
            assertThat(targets).hasSize(3);
            assertThat(targets.get(0).host()).isEqualTo("127.0.0.1");
            assertThat(rack(targets.get(1))).isEqualTo("/r2");
            assertThat(rack(targets.get(2))).isEqualTo("/r2");
            assertThat(targets.stream().distinct()).hasSize(3);
        }
    }

    @Test
    void excludedNodesAreNotChosen() throws Exception {
        long fileId = client.call(new Create("/x", (short) 0644, client.name(), false, true, (short) 3, 1 << 20),
                FileStatusReply.class).status().fileId();
        LocatedBlock block = client.call(new AddBlock("/x", fileId, client.name(), null, List.of("dn-1", "dn-3"), "127.0.0.1"),
                LocatedBlock.class);
        assertThat(block.locations()).extracting(DatanodeId::uuid).containsExactlyInAnyOrder("dn-2", "dn-4");
    }

    private static String rack(DatanodeId id) {
        return id.host().endsWith(".1") || id.host().endsWith(".2") ? "/r1" : "/r2";
    }

    @Test
    void completeWaitsForTheMinimumReplicaReport() throws Exception {
        long fileId = client.call(new Create("/c", (short) 0644, client.name(), false, true, (short) 1, 1 << 20),
                FileStatusReply.class).status().fileId();
        LocatedBlock located = client.call(new AddBlock("/c", fileId, client.name(), null, List.of(), "10.9.9.9"), LocatedBlock.class);
        Block block = located.block().withNumBytes(42);
        assertThat(client.call(new Complete("/c", fileId, client.name(), block), CompleteReply.class).completed()).isFalse();
        support.of(located).get(0).received(block);
        assertThat(client.call(new Complete("/c", fileId, client.name(), block), CompleteReply.class).completed()).isTrue();
        LocatedBlocks blocks = locations("/c", "h");
        assertThat(blocks.fileLength()).isEqualTo(42);
        assertThat(blocks.underConstruction()).isFalse();
        assertThat(blocks.blocks()).hasSize(1);
    }

    @Test
    void locationsPutTheClientsOwnNodeFirst() throws Exception {
        support.writeFile(client, "/l", 3, 100, "127.0.0.3");
        for (int i = 0; i < 5; i++) {
            List<DatanodeId> replicas = locations("/l", "127.0.0.3").blocks().get(0).locations();
            assertThat(replicas).hasSize(3);
            assertThat(replicas.get(0).host()).isEqualTo("127.0.0.3");
        }
    }

    @Test
    void deadDatanodeLeadsToReReplication() throws Exception {
        Block block = support.writeFile(client, "/r", 2, 100, "127.0.0.1");
        List<DatanodeId> holders = locations("/r", "h").blocks().get(0).locations();
        FakeDatanode survivor = support.byUuid(holders.get(0).uuid());
        String deadUuid = holders.get(1).uuid();
        clock.advance(Duration.ofSeconds(11));
        for (FakeDatanode dn : support.datanodes) {
            if (!dn.id.uuid().equals(deadUuid)) {
                dn.heartbeat();
            }
        }
        support.runMonitors();
        assertThat(cluster.nameNode.stats().underReplicated()).isEqualTo(1);
        assertThat(cluster.nameNode.stats().deadDatanodes()).isEqualTo(1);
        DatanodeReport report = client.call(new GetDatanodeReport(), DatanodeReport.class);
        assertThat(report.underReplicatedBlocks()).isEqualTo(1);
        assertThat(report.datanodes()).filteredOn(d -> d.id().uuid().equals(deadUuid))
                .extracting(d -> d.state().name()).containsExactly("DEAD");
        survivor.heartbeat();
        List<TransferBlockCommand> transfers = survivor.commandsOf(TransferBlockCommand.class);
        assertThat(transfers).hasSize(1);
        assertThat(transfers.get(0).block().blockId()).isEqualTo(block.blockId());
        DatanodeId target = transfers.get(0).targets().get(0);
        assertThat(target.uuid()).isNotIn(deadUuid, survivor.id.uuid());
        support.byUuid(target.uuid()).received(block);
        assertThat(locations("/r", "h").blocks().get(0).locations()).hasSize(2);

        // The dead node is told to register again, then its stale report adds the replica back as excess.
        FakeDatanode dead = support.byUuid(deadUuid);
        assertThat(dead.heartbeat().reRegister()).isTrue();
    }

    @Test
    void transfersRespectMaxStreamsAndAreRetriedAfterTimingOut() throws Exception {
        long fileId = client.call(new Create("/m", (short) 0644, client.name(), false, true, (short) 1, 1 << 20),
                FileStatusReply.class).status().fileId();
        FakeDatanode source = support.datanodes.get(0);
        Block previous = null;
        for (int i = 0; i < 3; i++) {
            LocatedBlock located = client.call(new AddBlock("/m", fileId, client.name(), previous, List.of("dn-2", "dn-3", "dn-4"),
                    "127.0.0.1"), LocatedBlock.class);
            previous = located.block().withNumBytes(10);
            source.received(previous);
        }
        assertThat(client.call(new Complete("/m", fileId, client.name(), previous), CompleteReply.class).completed()).isTrue();
        client.call(new SetReplication("/m", (short) 2));
        clock.advance(Duration.ofSeconds(2));
        support.heartbeatAll();
        support.runMonitors();
        source.heartbeat();
        assertThat(source.commandsOf(TransferBlockCommand.class)).as("dfs.namenode.replication.max-streams = 2").hasSize(2);
        clock.advance(Duration.ofSeconds(2));
        support.heartbeatAll();
        support.runMonitors();
        source.heartbeat();
        assertThat(source.commandsOf(TransferBlockCommand.class)).as("still busy with two copies").hasSize(2);
        clock.advance(Duration.ofSeconds(9));
        support.heartbeatAll();
        support.runMonitors();
        source.heartbeat();
        assertThat(source.commandsOf(TransferBlockCommand.class)).as("timed-out copies are ordered again").hasSize(4);
    }

    @Test
    void loweringReplicationDeletesExcessReplicas() throws Exception {
        Block block = support.writeFile(client, "/e", 3, 100, "127.0.0.1");
        client.call(new SetReplication("/e", (short) 1));
        clock.advance(Duration.ofSeconds(2));
        support.runMonitors();
        support.heartbeatAll();
        long deletes = support.datanodes.stream().flatMap(d -> d.commandsOf(DeleteBlocksCommand.class).stream())
                .filter(c -> c.blocks().stream().anyMatch(b -> b.blockId() == block.blockId())).count();
        assertThat(deletes).isEqualTo(2);
        assertThat(locations("/e", "h").blocks().get(0).locations()).hasSize(1);
    }

    @Test
    void corruptReplicasAreHiddenReReplicatedAndThenDeleted() throws Exception {
        Block block = support.writeFile(client, "/bad", 2, 100, "127.0.0.1");
        LocatedBlock located = locations("/bad", "h").blocks().get(0);
        DatanodeId corruptId = located.locations().get(0);
        DatanodeId goodId = located.locations().get(1);
        client.call(new ReportBadBlocks(List.of(new LocatedBlock(block, 0, List.of(corruptId), false))));
        assertThat(locations("/bad", "h").blocks().get(0).locations()).containsExactly(goodId);
        clock.advance(Duration.ofSeconds(2));
        support.runMonitors();
        FakeDatanode good = support.byUuid(goodId.uuid());
        good.heartbeat();
        List<TransferBlockCommand> transfers = good.commandsOf(TransferBlockCommand.class);
        assertThat(transfers).hasSize(1);
        DatanodeId target = transfers.get(0).targets().get(0);
        assertThat(target.uuid()).isNotIn(corruptId.uuid(), goodId.uuid());
        support.byUuid(target.uuid()).received(block);
        clock.advance(Duration.ofSeconds(2));
        support.runMonitors();
        FakeDatanode corrupt = support.byUuid(corruptId.uuid());
        corrupt.heartbeat();
        assertThat(corrupt.commandsOf(DeleteBlocksCommand.class)).anySatisfy(c -> assertThat(c.blocks()).contains(block));
        assertThat(locations("/bad", "h").blocks().get(0).locations()).containsExactlyInAnyOrder(goodId, target);
    }

    @Test
    void whenEveryReplicaIsCorruptTheyAreServedAndFlagged() throws Exception {
        Block block = support.writeFile(client, "/allbad", 1, 100, "127.0.0.1");
        LocatedBlock located = locations("/allbad", "h").blocks().get(0);
        client.call(new ReportBadBlocks(List.of(located)));
        LocatedBlock after = locations("/allbad", "h").blocks().get(0);
        assertThat(after.corrupt()).isTrue();
        assertThat(after.locations()).isEqualTo(located.locations());
        assertThat(block.blockId()).isEqualTo(after.block().blockId());
    }

    @Test
    void blockReportsDeleteUnknownAndStaleReplicas() throws Exception {
        Block block = support.writeFile(client, "/s", 1, 100, "127.0.0.1");
        FakeDatanode holder = support.byUuid(locations("/s", "h").blocks().get(0).locations().get(0).uuid());
        holder.blockReport(List.of(new ReplicaReport(block.blockId(), block.generationStamp(), 100, ReplicaState.FINALIZED),
                new ReplicaReport(999, 1, 10, ReplicaState.FINALIZED)));
        FakeDatanode other = support.datanodes.stream().filter(d -> d != holder).findFirst().orElseThrow();
        other.blockReport(List.of(new ReplicaReport(block.blockId(), block.generationStamp() - 1, 100, ReplicaState.FINALIZED)));
        holder.heartbeat();
        other.heartbeat();
        assertThat(holder.commandsOf(DeleteBlocksCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.blocks()).extracting(Block::blockId).containsExactly(999L));
        assertThat(other.commandsOf(DeleteBlocksCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.blocks()).extracting(Block::blockId).containsExactly(block.blockId()));
        assertThat(locations("/s", "h").blocks().get(0).locations()).extracting(DatanodeId::uuid).containsExactly(holder.id.uuid());
    }

    @Test
    void deletingAFileTellsItsDatanodesToDeleteTheBlocks() throws Exception {
        Block block = support.writeFile(client, "/gone", 2, 100, "127.0.0.1");
        List<DatanodeId> holders = locations("/gone", "h").blocks().get(0).locations();
        assertThat(client.call(new Delete("/gone", false), DeleteReply.class).deleted()).isTrue();
        for (DatanodeId id : holders) {
            FakeDatanode dn = support.byUuid(id.uuid());
            dn.heartbeat();
            assertThat(dn.commandsOf(DeleteBlocksCommand.class)).anySatisfy(c -> assertThat(c.blocks()).contains(block));
        }
    }

    @Test
    void unknownDatanodesAreAskedToRegister() throws Exception {
        TestCluster.Client raw = cluster.client("dn");
        HeartbeatReply reply = raw.call(new Heartbeat("nobody", 1, 0, 1, 0, 0), HeartbeatReply.class);
        assertThat(reply.reRegister()).isTrue();
    }

    @Test
    void reRegistrationWithANewAddressKeepsTheNode() throws Exception {
        FakeDatanode moved = new FakeDatanode("dn-1", "127.0.0.9", 9999, cluster.conf(), () -> cluster.nameNode.rpcAddress());
        moved.register();
        DatanodeReport report = client.call(new GetDatanodeReport(), DatanodeReport.class);
        assertThat(report.datanodes()).hasSize(4);
        assertThat(report.datanodes()).filteredOn(d -> d.id().uuid().equals("dn-1")).extracting(d -> d.id().host())
                .containsExactly("127.0.0.9");
        moved.close();
        Map<String, Long> unused = new HashMap<>();
        assertThat(unused).isEmpty();
    }
}
