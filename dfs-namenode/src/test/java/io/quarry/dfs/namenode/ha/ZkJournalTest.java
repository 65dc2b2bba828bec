package io.quarry.dfs.namenode.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.EpochFence;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.ZooKeeperClients;
import io.quarry.dfs.namenode.journal.JournalRecord;
import io.quarry.dfs.namenode.journal.Records;

/** The ZooKeeper journal against a real ZooKeeper server: batching, tailing, fencing, trimming. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZkJournalTest {
    private final KryoCodec codec = KryoCodec.shared();
    private TestingServer server;
    private CuratorFramework client;
    private final List<String> fencedReasons = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
        client = ZooKeeperClients.connect(HaSettings.from(Configuration.of(Map.of(
                "ha.zookeeper.quorum", server.getConnectString(), "quarry.ha.cluster-id", "journal-test"))));
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ZkJournal journal(int maxBatchBytes) {
        return new ZkJournal(client, codec, 4096, maxBatchBytes, reason -> {
            synchronized (fencedReasons) {
                fencedReasons.add(reason);
            }
        });
    }

    private static JournalRecord mkdir(int i) {
        return new Records.MkdirRecord(1000 + i, "/dir-" + i + "/" + "x".repeat(200), "user", "group", (short) 0755, i);
    }

    private Epoch writerEpoch() throws Exception {
        return new EpochFence(client, ZkPaths.ROLE).advance();
    }

    @Test
    void standbyTailsEveryEntryInOrderAcrossBatchesBelowTheSizeLimit() throws Exception {
        ZkJournal writer = journal(4096);
        writer.replay(0, (txid, record) -> { });
        writer.startWriting(writerEpoch());
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            acks.add(writer.append(List.of(mkdir(i))));
        }
        CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        assertThat(acks.get(199).get()).isEqualTo(200);

        List<String> batches = client.getChildren().forPath(ZkPaths.JOURNAL);
        assertThat(batches.size()).as("batches of at most 4096 bytes").isGreaterThan(10);
        for (String batch : batches) {
            assertThat(client.getData().forPath(ZkPaths.JOURNAL + "/" + batch).length).isLessThanOrEqualTo(4096);
        }
        ZkJournal standby = journal(4096);
        List<Long> txids = new ArrayList<>();
        List<JournalRecord> records = new ArrayList<>();
        standby.replay(0, (txid, record) -> {
            txids.add(txid);
            records.add(record);
        });
        assertThat(txids).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(txids.get(i)).isEqualTo(i + 1L);
            assertThat(records.get(i)).isEqualTo(mkdir(i));
        }
        writer.append(List.of(mkdir(200), mkdir(201))).get(10, TimeUnit.SECONDS);
        assertThat(standby.tail((txid, record) -> txids.add(txid))).isEqualTo(2);
        assertThat(txids).endsWith(201L, 202L);
        writer.close();
    }

    @Test
    void deposedWriterIsRefusedByZooKeeperAndNothingItQueuedIsAcknowledged() throws Exception {
        ZkJournal writer = journal(ZkJournal.MAX_BATCH_BYTES);
        writer.replay(0, (txid, record) -> { });
        writer.startWriting(writerEpoch());
        writer.append(List.of(mkdir(0))).get(10, TimeUnit.SECONDS);

        writerEpoch(); // a newer active takes over
        CompletableFuture<Long> refused = writer.append(List.of(mkdir(1)));

        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STANDBY));
        synchronized (fencedReasons) {
            assertThat(fencedReasons).singleElement().asString().contains("newer leader");
        }
        assertThat(writer.isWriting()).isFalse();
        List<Long> txids = new ArrayList<>();
        journal(ZkJournal.MAX_BATCH_BYTES).replay(0, (txid, record) -> txids.add(txid));
        assertThat(txids).containsExactly(1L);
    }

    @Test
    void oneOperationLargerThanABatchIsRefusedWhole() throws Exception {
        ZkJournal writer = journal(1024);
        writer.replay(0, (txid, record) -> { });
        writer.startWriting(writerEpoch());
        CompletableFuture<Long> tooBig = writer.append(List.of(mkdir(0), mkdir(1), mkdir(2), mkdir(3), mkdir(4), mkdir(5)));
        assertThatThrownBy(() -> tooBig.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(writer.append(List.of(mkdir(6))).get(10, TimeUnit.SECONDS)).isEqualTo(1L);
        writer.close();
    }

    @Test
    void trimmingKeepsEveryEntryAfterTheImageAndAReplayFromBeforeTheTrimFails() throws Exception {
        ZkJournal writer = journal(600);
        writer.replay(0, (txid, record) -> { });
        writer.startWriting(writerEpoch());
        for (int i = 0; i < 30; i++) {
            writer.append(List.of(mkdir(i))).get(10, TimeUnit.SECONDS);
        }
        ZkJournal lagging = journal(600);
        lagging.replay(0, (txid, record) -> { });
        writer.append(List.of(mkdir(30))).get(10, TimeUnit.SECONDS);

        writer.purgeUpTo(20);

        List<Long> afterImage = new ArrayList<>();
        journal(600).replay(20, (txid, record) -> afterImage.add(txid));
        assertThat(afterImage).first().isEqualTo(21L);
        assertThat(afterImage).last().isEqualTo(31L);
        ZkJournal tooOld = journal(600);
        assertThatThrownBy(() -> tooOld.replay(3, (txid, record) -> { })).isInstanceOf(IOException.class)
                .hasMessageContaining("Journal gap");
        assertThat(lagging.catchUp((txid, record) -> { })).isEqualTo(1);
        writer.close();
    }
}
