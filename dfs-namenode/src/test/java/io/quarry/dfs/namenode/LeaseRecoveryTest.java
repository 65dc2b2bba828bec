package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
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
import io.quarry.dfs.protocol.FileStatusInfo;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.RecoverLease;
import io.quarry.dfs.protocol.client.RecoverLeaseReply;
import io.quarry.dfs.protocol.client.RenewLease;
import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;
import io.quarry.dfs.protocol.datanode.RecoverBlockCommand;

@Timeout(60)
class LeaseRecoveryTest {
    @TempDir
    Path dir;
    ManualClock clock = new ManualClock();
    TestCluster cluster;
    BlockTestSupport support;
    TestCluster.Client writer;
    TestCluster.Client other;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir.resolve("name"), clock, BlockTestSupport.conf(BlockTestSupport.topology(dir)));
        support = new BlockTestSupport(cluster, 3);
        writer = cluster.client(TestCluster.ADMIN);
        other = cluster.client(TestCluster.ADMIN);
    }

    @AfterEach
    void stop() throws Exception {
        support.close();
        cluster.close();
    }

    private FileStatusInfo stat(String path) throws QuarryException {
        return other.call(new GetFileInfo(path), FileStatusReply.class).status();
    }

    /** Opens a file and has its first block half-written on every pipeline node. */
    private LocatedBlock openWithBlock(String path) throws Exception {
        long fileId = writer.call(new Create(path, (short) 0644, writer.name(), false, true, (short) 2, 1 << 20),
                FileStatusReply.class).status().fileId();
        LocatedBlock located = writer.call(new AddBlock(path, fileId, writer.name(), null, List.of(), "127.0.0.1"), LocatedBlock.class);
        for (FakeDatanode dn : support.of(located)) {
            dn.receiving(located.block().withNumBytes(700));
        }
        return located;
    }

    private RecoverBlockCommand awaitRecoveryCommand() throws Exception {
        support.heartbeatAll();
        List<RecoverBlockCommand> commands = support.datanodes.stream()
                .flatMap(d -> d.commandsOf(RecoverBlockCommand.class).stream()).toList();
        assertThat(commands).hasSize(1);
        return commands.get(0);
    }

    private FakeDatanode primary() {
        return support.datanodes.stream().filter(d -> !d.commandsOf(RecoverBlockCommand.class).isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void hardLimitExpiryRecoversTheLastBlockAndCloseTheFile() throws Exception {
        LocatedBlock located = openWithBlock("/hard");
        clock.advance(Duration.ofSeconds(61));
        support.heartbeatAll();
        support.runMonitors();
        RecoverBlockCommand command = awaitRecoveryCommand();
        assertThat(command.block().blockId()).isEqualTo(located.block().blockId());
        assertThat(command.newGenerationStamp()).isGreaterThan(located.block().generationStamp());
        assertThat(command.replicas()).hasSize(2);
        assertThat(stat("/hard").length()).isZero();

        TestCluster.Client dnClient = cluster.client("dn");
        dnClient.call(new CommitBlockSynchronization(command.block(), command.newGenerationStamp(), 650, true, false,
                command.replicas().stream().map(id -> id.uuid()).toList()));
        FileStatusInfo closed = stat("/hard");
        assertThat(closed.length()).isEqualTo(650);
        assertThat(other.call(new RecoverLease("/hard", other.name()), RecoverLeaseReply.class).closed()).isTrue();
        // The writer lost its lease.
        assertThatThrownBy(() -> writer.call(new AddBlock("/hard", closed.fileId(), writer.name(),
                new Block(command.block().blockId(), command.newGenerationStamp(), 650), List.of(), "h"), LocatedBlock.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEASE_EXPIRED));
    }

    @Test
    void recoveryOfALastBlockWithoutReplicasRemovesItAndClosesTheFile() throws Exception {
        long fileId = writer.call(new Create("/empty", (short) 0644, writer.name(), false, true, (short) 1, 1 << 20),
                FileStatusReply.class).status().fileId();
        writer.call(new AddBlock("/empty", fileId, writer.name(), null, List.of(), "127.0.0.1"), LocatedBlock.class);
        clock.advance(Duration.ofSeconds(11));
        assertThat(other.call(new RecoverLease("/empty", other.name()), RecoverLeaseReply.class).closed()).isTrue();
        assertThat(cluster.nameNode.operations().state().blocks().size()).isZero();
    }

    @Test
    void anotherClientMayRecoverOnlyAfterTheSoftLimit() throws Exception {
        openWithBlock("/soft");
        assertThat(other.call(new RecoverLease("/soft", other.name()), RecoverLeaseReply.class).closed()).isFalse();
        support.heartbeatAll();
        assertThat(support.datanodes.stream().flatMap(d -> d.commandsOf(RecoverBlockCommand.class).stream())).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        writer.call(new RenewLease(writer.name()));
        clock.advance(Duration.ofSeconds(6));
        assertThat(other.call(new RecoverLease("/soft", other.name()), RecoverLeaseReply.class).closed()).isFalse();
        support.heartbeatAll();
        assertThat(support.datanodes.stream().flatMap(d -> d.commandsOf(RecoverBlockCommand.class).stream()))
                .as("renewed 6 s ago: within the soft limit").isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(other.call(new RecoverLease("/soft", other.name()), RecoverLeaseReply.class).closed()).isFalse();
        RecoverBlockCommand command = awaitRecoveryCommand();
        TestCluster.Client dnClient = cluster.client("dn");
        dnClient.call(new CommitBlockSynchronization(command.block(), command.newGenerationStamp(), 700, true, false,
                List.of(primary().id.uuid())));
        assertThat(other.call(new RecoverLease("/soft", other.name()), RecoverLeaseReply.class).closed()).isTrue();
        assertThat(stat("/soft").length()).isEqualTo(700);
    }

    @Test
    void createAfterTheSoftLimitTakesTheFileOver() throws Exception {
        openWithBlock("/takeover");
        assertThatThrownBy(() -> other.call(new Create("/takeover", (short) 0644, other.name(), true, false, (short) 1, 1 << 20)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEASE_CONFLICT));
        clock.advance(Duration.ofSeconds(11));
        FileStatusInfo replaced = other.call(new Create("/takeover", (short) 0644, other.name(), true, false, (short) 1, 1 << 20),
                FileStatusReply.class).status();
        assertThat(stat("/takeover").fileId()).isEqualTo(replaced.fileId());
    }

    @Test
    void commitWithAStaleRecoveryStampIsRejected() throws Exception {
        LocatedBlock located = openWithBlock("/stale");
        clock.advance(Duration.ofSeconds(11));
        other.call(new RecoverLease("/stale", other.name()), RecoverLeaseReply.class);
        RecoverBlockCommand command = awaitRecoveryCommand();
        TestCluster.Client dnClient = cluster.client("dn");
        assertThatThrownBy(() -> dnClient.call(new CommitBlockSynchronization(located.block(), command.newGenerationStamp() - 1, 10,
                true, false, List.of())))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_GENERATION));
    }
}
