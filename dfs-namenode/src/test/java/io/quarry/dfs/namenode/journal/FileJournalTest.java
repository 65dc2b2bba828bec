package io.quarry.dfs.namenode.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.fault.FaultHandler;

@Timeout(60)
class FileJournalTest {
    private static final FaultHandler FAIL = (what, cause) -> {
        throw new AssertionError(what, cause);
    };

    @TempDir
    Path dir;

    private FileJournal open() {
        return new FileJournal(dir, KryoCodec.shared(), FAIL, 4096);
    }

    private static JournalRecord record(int i) {
        return new Records.MkdirRecord(100 + i, "/d" + i, "u", "g", (short) 0755, i);
    }

    private List<JournalRecord> replayAll(FileJournal journal) throws IOException {
        List<JournalRecord> out = new ArrayList<>();
        journal.replay(0, (txid, record) -> out.add(record));
        return out;
    }

    private void writeRecords(int count) throws Exception {
        FileJournal journal = open();
        journal.replay(0, (t, r) -> { });
        CompletableFuture<Long> last = null;
        for (int i = 0; i < count; i++) {
            last = journal.append(List.of(record(i)));
        }
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(count);
        journal.close();
    }

    private Path onlySegment() throws IOException {
        List<SegmentFiles.Numbered> segments = SegmentFiles.list(dir, SegmentFiles.SEGMENT_PREFIX);
        assertThat(segments).hasSize(1);
        return segments.get(0).file();
    }

    @Test
    void appendsAreGroupCommittedAndReplayInOrder() throws Exception {
        FileJournal journal = open();
        journal.replay(0, (t, r) -> { });
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            futures.add(journal.append(List.of(record(i))));
        }
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 1);
        }
        assertThat(journal.syncCount()).as("syncs for 2000 appends").isLessThan(2000);
        assertThat(journal.lastDurableTxid()).isEqualTo(2000);
        journal.close();

        FileJournal reopened = open();
        List<JournalRecord> replayed = replayAll(reopened);
        assertThat(replayed).hasSize(2000);
        assertThat(replayed.get(1999)).isEqualTo(record(1999));
        assertThat(reopened.lastAppendedTxid()).isEqualTo(2000);
        reopened.close();
    }

    @Test
    void unsyncedJournalAcknowledgesWithoutSyncingAndStillReplays() throws Exception {
        FileJournal journal = new FileJournal(dir, KryoCodec.shared(), FAIL, 4096, false);
        journal.replay(0, (t, r) -> { });
        CompletableFuture<Long> last = null;
        for (int i = 0; i < 50; i++) {
            last = journal.append(List.of(record(i)));
        }
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(50);
        assertThat(journal.syncCount()).as("syncs of an unsynced journal").isZero();
        journal.close();

        FileJournal synced = open();
        assertThat(replayAll(synced)).hasSize(50).endsWith(record(49));
        CompletableFuture<Long> next = synced.append(List.of(record(50)));
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(51);
        assertThat(synced.syncCount()).as("syncs of a synced journal").isPositive();
        synced.close();
    }

    @Test
    void unsyncedAppendNowWritesOnTheCallerWhenIdleAndKeepsTxidOrderWithQueuedBatches() throws Exception {
        FileJournal journal = new FileJournal(dir, KryoCodec.shared(), FAIL, 4096, false);
        journal.replay(0, (t, r) -> { });
        CompletableFuture<Long> first = journal.appendNow(List.of(record(0)));
        assertThat(first).as("written before appendNow returned").isCompletedWithValue(1L);
        assertThat(journal.inlineWrites()).isEqualTo(1);
        assertThat(journal.lastDurableTxid()).isEqualTo(1);
        // Mixed with queued appends, every record still lands in txid order.
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 1; i < 500; i++) {
            futures.add(i % 3 == 0 ? journal.appendNow(List.of(record(i))) : journal.append(List.of(record(i))));
        }
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 2);
        }
        journal.close();
        List<JournalRecord> replayed = replayAll(open());
        assertThat(replayed).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(replayed.get(i)).isEqualTo(record(i));
        }
    }

    @Test
    void syncedAppendNowLeavesTheWriteAndSyncToTheWriterThread() throws Exception {
        FileJournal journal = open();
        journal.replay(0, (t, r) -> { });
        assertThat(journal.appendNow(List.of(record(0))).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(journal.inlineWrites()).isZero();
        assertThat(journal.syncCount()).isPositive();
        journal.close();
    }

    @Test
    void replayContinuesNumberingInANewSegment() throws Exception {
        writeRecords(5);
        FileJournal journal = open();
        assertThat(replayAll(journal)).hasSize(5);
        assertThat(journal.append(List.of(record(5))).get(10, TimeUnit.SECONDS)).isEqualTo(6);
        journal.close();
        assertThat(SegmentFiles.list(dir, SegmentFiles.SEGMENT_PREFIX)).extracting(SegmentFiles.Numbered::number).containsExactly(1L, 6L);
        FileJournal again = open();
        assertThat(replayAll(again)).hasSize(6);
        again.close();
    }

    @Test
    void tornTailIsTruncated() throws Exception {
        writeRecords(10);
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 5);
        }
        FileJournal journal = open();
        assertThat(replayAll(journal)).hasSize(9);
        assertThat(journal.append(List.of(record(99))).get(10, TimeUnit.SECONDS)).isEqualTo(10);
        journal.close();
        assertThat(Files.size(segment)).isLessThan(size - 5);
    }

    @Test
    void zerosPreallocatedByAKilledWriterEndTheSegmentWithoutLoss() throws Exception {
        writeRecords(10);
        Path segment = onlySegment();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.allocate(1 << 20)); // what a SIGKILLed writer leaves behind
        }
        FileJournal journal = open();
        assertThat(replayAll(journal)).hasSize(10);
        assertThat(journal.append(List.of(record(99))).get(10, TimeUnit.SECONDS)).isEqualTo(11);
        journal.close();
        FileJournal reopened = open();
        assertThat(replayAll(reopened)).hasSize(11);
        reopened.close();
    }

    @Test
    void corruptLastEntryIsTreatedAsTornTail() throws Exception {
        writeRecords(3);
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(file.length() - 2);
            file.write(0x55);
        }
        FileJournal journal = open();
        assertThat(replayAll(journal)).hasSize(2);
        journal.close();
    }

    @Test
    void corruptionInTheMiddleFailsNamingFileAndOffset() throws Exception {
        writeRecords(10);
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(12); // inside the payload of the first entry
            int b = file.read();
            file.seek(12);
            file.write(b ^ 0xff);
        }
        FileJournal journal = open();
        assertThatThrownBy(() -> replayAll(journal))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("offset 0");
    }

    @Test
    void abortDropsWhatWasNotSynced() throws Exception {
        FileJournal journal = open();
        journal.replay(0, (t, r) -> { });
        journal.append(List.of(record(0))).get(10, TimeUnit.SECONDS);
        journal.abort();
        CompletableFuture<Long> after = journal.append(List.of(record(1)));
        assertThat(after).isCompletedExceptionally();
        FileJournal reopened = open();
        assertThat(replayAll(reopened)).hasSize(1);
        reopened.close();
    }
}
