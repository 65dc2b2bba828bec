package io.quarry.dfs.namenode.journal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.fault.FaultHandler;

/**
 * The local journal: segment files of CRC32C-framed, Kryo-encoded entries in the name directory.
 * A single writer thread drains whatever batches are queued, writes them, syncs once
 * ({@code FileChannel.force}) and only then completes their futures: group commit. When the
 * journal does not sync, a caller of {@link #appendNow} who finds nothing queued or being written
 * writes its own batch on its thread instead (a write to the page cache, no sync: nothing to gain
 * by waking the writer); a lock on the segment file keeps the two writers in txid order.
 */
public final class FileJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);

    private final Path dir;
    private final KryoCodec codec;
    private final FaultHandler faultHandler;
    private final int maxBatch;
    /** False only for benchmarks and scratch clusters: changes are acknowledged before they reach the disk. */
    private final boolean sync;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong durableTxid = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    /** Held while the segment file is written; whoever holds it owns the writer-thread state below. */
    private final ReentrantLock io = new ReentrantLock();
    /** Batches queued for the writer thread and not yet written. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong inlineWrites = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean aborted;
    private volatile IOException failure;
    // Controller-thread state.
    private long lastAppendedTxid;
    private boolean rollPending;
    private CompletableFuture<Long> lastAppend = CompletableFuture.completedFuture(0L);
    // Writer state, guarded by io.
    private static final int PREALLOCATION = 1 << 20;

    private FileChannel current;
    /** Bytes of entries in the current segment; the file beyond them is preallocated zeros. */
    private long written;
    /** Length of the current segment file, preallocated ahead of the entries. */
    private long allocated;

    private record Batch(long firstTxid, long lastTxid, byte[] bytes, boolean roll, CompletableFuture<Long> done) {
    }

    public FileJournal(Path dir, KryoCodec codec, FaultHandler faultHandler, int maxBatch) {
        this(dir, codec, faultHandler, maxBatch, true);
    }

    /**
     * @param sync whether each group commit is fsynced before its changes are acknowledged; without
     *             it a crash of the machine (not of the process) can lose acknowledged changes
     */
    public FileJournal(Path dir, KryoCodec codec, FaultHandler faultHandler, int maxBatch, boolean sync) {
        this.sync = sync;
        this.dir = requireNonNull(dir, "dir is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.faultHandler = requireNonNull(faultHandler, "faultHandler is null");
        this.maxBatch = maxBatch;
        this.writer = Threads.named("namenode-journal-%d").newThread(this::writeLoop);
    }

    @Override
    public long replay(long afterTxid, EntryConsumer consumer) throws IOException {
        List<SegmentFiles.Numbered> segments = SegmentFiles.list(dir, SegmentFiles.SEGMENT_PREFIX);
        SegmentReader reader = new SegmentReader(codec);
        long last = -1;
        for (int i = 0; i < segments.size(); i++) {
            SegmentFiles.Numbered segment = segments.get(i);
            if (i + 1 < segments.size() && segments.get(i + 1).number() <= afterTxid + 1) {
                last = segments.get(i + 1).number() - 1;
                continue; // wholly covered by the checkpoint
            }
            if (last >= 0 && segment.number() != last + 1) {
                throw new IOException("Journal segment " + segment.file() + " starts at txid " + segment.number()
                        + " but the previous segment ended at " + last);
            }
            if (last < 0 && segment.number() > afterTxid + 1) {
                throw new IOException("Journal gap: checkpoint ends at txid " + afterTxid + " but the first segment "
                        + segment.file() + " starts at " + segment.number());
            }
            last = reader.read(segment.file(), i == segments.size() - 1, last < 0 ? segment.number() - 1 : last, afterTxid, consumer);
        }
        lastAppendedTxid = Math.max(afterTxid, last);
        durableTxid.set(lastAppendedTxid);
        lastAppend = CompletableFuture.completedFuture(lastAppendedTxid);
        writer.start();
        return lastAppendedTxid;
    }

    @Override
    public CompletableFuture<Long> append(List<JournalRecord> records) {
        if (records.isEmpty()) {
            return awaitAppended();
        }
        Batch batch = encode(records);
        if (batch.bytes() != null) {
            pending.incrementAndGet();
            queue.add(batch);
        }
        return batch.done();
    }

    @Override
    public CompletableFuture<Long> appendNow(List<JournalRecord> records) {
        // With syncing on, an inline sync would hold the caller (an RPC I/O thread) for a whole
        // sync and cost the group commit of the calls behind it.
        if (sync || records.isEmpty() || pending.get() != 0 || !io.tryLock()) {
            return append(records);
        }
        try {
            // Checked again under the lock: every earlier batch must be in the file before this one.
            if (pending.get() != 0) {
                return append(records);
            }
            Batch batch = encode(records);
            if (batch.bytes() == null) {
                return batch.done();
            }
            try {
                writeAndSync(List.of(batch));
                durableTxid.set(batch.lastTxid());
                inlineWrites.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                fail(List.of(batch), e);
                return batch.done();
            }
            batch.done().complete(batch.lastTxid());
            return batch.done();
        } finally {
            io.unlock();
        }
    }

    /** Numbers and frames the records; a batch without bytes is already failed (journal failed or stopping). */
    private Batch encode(List<JournalRecord> records) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (failure != null || stopping) {
            done.completeExceptionally(new QuarryException(ErrorCode.UNAVAILABLE, "Journal in " + dir + " is not writable"
                    + (failure == null ? " (stopping)" : ": " + failure.getMessage())));
            return new Batch(0, 0, null, false, done);
        }
        List<byte[]> payloads = new ArrayList<>(records.size());
        int size = 0;
        for (JournalRecord record : records) {
            byte[] body = codec.encode(record);
            byte[] payload = new byte[8 + body.length];
            ByteBuffer.wrap(payload).putLong(++lastAppendedTxid).put(body);
            payloads.add(payload);
            size += EntryFraming.HEADER + payload.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] payload : payloads) {
            EntryFraming.write(out, payload);
        }
        long first = lastAppendedTxid - records.size() + 1;
        Batch batch = new Batch(first, lastAppendedTxid, out.array(), rollPending, done);
        rollPending = false;
        lastAppend = done;
        return batch;
    }

    /** Batches written by {@link #appendNow} callers rather than the writer thread. */
    long inlineWrites() {
        return inlineWrites.get();
    }

    @Override
    public boolean syncs() {
        return sync;
    }

    @Override
    public CompletableFuture<Long> awaitAppended() {
        return lastAppend;
    }

    @Override
    public long lastAppendedTxid() {
        return lastAppendedTxid;
    }

    @Override
    public long lastDurableTxid() {
        return durableTxid.get();
    }

    @Override
    public long syncCount() {
        return syncs.get();
    }

    @Override
    public void rollSegment() {
        rollPending = true;
    }

    @Override
    public void purgeUpTo(long txid) throws IOException {
        List<SegmentFiles.Numbered> segments = SegmentFiles.list(dir, SegmentFiles.SEGMENT_PREFIX);
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i + 1).number() <= txid + 1) {
                Files.deleteIfExists(segments.get(i).file());
                LOG.info("Purged journal segment {} (covered by checkpoint at txid {})", segments.get(i).file().getFileName(), txid);
            }
        }
    }

    private void writeLoop() {
        List<Batch> burst = new ArrayList<>();
        while (true) {
            try {
                burst.clear();
                Batch first = queue.take();
                if (aborted) {
                    return;
                }
                burst.add(first);
                queue.drainTo(burst, maxBatch - 1);
                io.lock();
                try {
                    writeAndSync(burst);
                    if (!aborted) {
                        durableTxid.set(burst.get(burst.size() - 1).lastTxid());
                    }
                } finally {
                    pending.addAndGet(-burst.size());
                    io.unlock();
                }
                if (aborted) {
                    return;
                }
                for (Batch batch : burst) {
                    batch.done().complete(batch.lastTxid());
                }
                if (stopping && queue.isEmpty()) {
                    io.lock();
                    try {
                        closeChannel();
                    } finally {
                        io.unlock();
                    }
                    return;
                }
            } catch (InterruptedException e) {
                closeChannelQuietly();
                return;
            } catch (IOException | RuntimeException e) {
                if (aborted) {
                    closeChannelQuietly();
                    return;
                }
                fail(burst, e);
                return;
            }
        }
    }

    /** After a failed write: fails the batches and everything queued, reports the fault and closes the segment. */
    private void fail(List<Batch> batches, Exception e) {
        failure = e instanceof IOException io ? io : new IOException(e);
        QuarryException error = new QuarryException(ErrorCode.INTERNAL, "Journal write in " + dir + " failed: " + e, e);
        for (Batch batch : batches) {
            batch.done().completeExceptionally(error);
        }
        for (Batch batch; (batch = queue.poll()) != null; ) {
            batch.done().completeExceptionally(error);
        }
        faultHandler.handle("journal write to " + dir + " failed", e);
        closeChannelQuietly();
    }

    private void writeAndSync(List<Batch> burst) throws IOException {
        boolean extended = false;
        for (Batch batch : burst) {
            if (batch.bytes().length == 0) {
                continue; // stop marker
            }
            if (current == null || batch.roll()) {
                closeChannel();
                Path file = dir.resolve(SegmentFiles.segmentName(batch.firstTxid()));
                current = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                written = 0;
                allocated = 0;
                LOG.info("Started journal segment {}", file.getFileName());
            }
            extended |= preallocate(written + batch.bytes().length);
            ByteBuffer buffer = ByteBuffer.wrap(batch.bytes());
            while (buffer.hasRemaining()) {
                written += current.write(buffer, written);
            }
        }
        if (current != null && sync) {
            // Within the preallocated length only the data needs syncing, not the file size.
            current.force(extended);
            syncs.incrementAndGet();
        }
    }

    /**
     * Grows the segment file with zeros, a megabyte at a time, ahead of the entries, as HDFS does
     * with its edit log: most syncs then flush data only, which is much cheaper than a sync that
     * also records a new file length. Replay stops at the zeros.
     */
    private boolean preallocate(long needed) throws IOException {
        boolean extended = false;
        while (allocated < needed) {
            ByteBuffer zeros = ByteBuffer.allocate(PREALLOCATION);
            while (zeros.hasRemaining()) {
                current.write(zeros, allocated + zeros.position());
            }
            allocated += PREALLOCATION;
            extended = true;
        }
        return extended;
    }

    /** Trims the unused preallocation, syncs and closes the current segment. */
    private void closeChannel() throws IOException {
        if (current != null) {
            current.truncate(written);
            current.force(true);
            current.close();
            current = null;
        }
    }

    private void closeChannelQuietly() {
        io.lock();
        try {
            closeChannel();
        } catch (IOException e) {
            LOG.debug("Closing journal segment failed", e);
        } finally {
            io.unlock();
        }
    }

    @Override
    public void abort() {
        aborted = true;
        stopping = true;
        writer.interrupt();
        joinWriter();
    }

    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (writer.isAlive()) {
            pending.incrementAndGet();
            queue.add(new Batch(lastAppendedTxid, lastAppendedTxid, new byte[0], false, new CompletableFuture<>()));
            joinWriter();
        }
    }

    private void joinWriter() {
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
