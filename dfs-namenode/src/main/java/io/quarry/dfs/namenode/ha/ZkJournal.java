package io.quarry.dfs.namenode.ha;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.EpochFence;
import io.quarry.common.ha.FencedException;
import io.quarry.dfs.namenode.journal.EntryFraming;
import io.quarry.dfs.namenode.journal.Journal;
import io.quarry.dfs.namenode.journal.JournalRecord;

/**
 * The HA journal: batches of entries as persistent znodes {@code /namenode/journal/b-<first txid>},
 * each entry framed as in the file journal (CRC32C, txid, Kryo record). The active's single writer
 * thread drains whatever is queued (group commit) into batches below ZooKeeper's request limit and
 * creates each in a transaction that also checks the NameNode epoch, so once a newer active has
 * taken over, a deposed one can never append. A standby {@linkplain #tail tails} the batches in
 * txid order. A batch holds whole operations only: an operation is never half in the journal.
 */
public final class ZkJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(ZkJournal.class);
    /** Far below ZooKeeper's 1 MB request limit (jute.maxbuffer), leaving room for the transaction's other parts. */
    static final int MAX_BATCH_BYTES = 512 * 1024;
    private static final long RETRY_PAUSE_MILLIS = 50;
    private static final int PURGE_OPS_PER_TRANSACTION = 64;

    private final CuratorFramework client;
    private final KryoCodec codec;
    private final ZkBatches batches;
    private final EpochFence fence;
    private final int maxBatchEntries;
    private final int maxBatchBytes;
    private final Consumer<String> onFenced;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong durableTxid = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private volatile Epoch epoch;
    private volatile boolean stopped;
    private Thread writer;
    // Controller-thread state.
    private long lastAppendedTxid;
    private CompletableFuture<Long> lastAppend = CompletableFuture.completedFuture(0L);

    /** The entries of one append: one operation's records, never split across batches. */
    private record Pending(long firstTxid, long lastTxid, byte[] bytes, CompletableFuture<Long> done) {
    }

    /**
     * @param onFenced told (on the writer thread) when ZooKeeper refused a batch because a newer
     *                 active holds the epoch
     */
    public ZkJournal(CuratorFramework client, KryoCodec codec, int maxBatchEntries, Consumer<String> onFenced) {
        this(client, codec, maxBatchEntries, MAX_BATCH_BYTES, onFenced);
    }

    ZkJournal(CuratorFramework client, KryoCodec codec, int maxBatchEntries, int maxBatchBytes, Consumer<String> onFenced) {
        this.client = requireNonNull(client, "client is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.fence = new EpochFence(client, ZkPaths.ROLE);
        this.batches = new ZkBatches(client, codec);
        this.maxBatchEntries = maxBatchEntries;
        this.maxBatchBytes = maxBatchBytes;
        this.onFenced = requireNonNull(onFenced, "onFenced is null");
    }

    // ---- reading: startup replay and standby tailing ----

    /** Reads every entry after {@code afterTxid}, from the batch that holds the next one on. Does not start writing. */
    @Override
    public long replay(long afterTxid, EntryConsumer consumer) throws IOException {
        List<Long> firsts = batches.firstTxids();
        lastAppendedTxid = afterTxid;
        int start = -1;
        for (int i = 0; i < firsts.size(); i++) {
            if (firsts.get(i) <= afterTxid + 1) {
                start = i;
            }
        }
        if (start < 0 && !firsts.isEmpty()) {
            throw new IOException("Journal gap in ZooKeeper " + ZkPaths.JOURNAL + ": the image ends at txid " + afterTxid
                    + " but the oldest batch starts at txid " + firsts.get(0));
        }
        if (start >= 0) {
            for (int i = start; i < firsts.size(); i++) {
                byte[] data = batches.read(ZkPaths.batch(firsts.get(i)));
                if (data == null) {
                    throw new IOException("Journal batch " + ZkPaths.batch(firsts.get(i)) + " vanished while replaying (trimmed?)");
                }
                lastAppendedTxid = batches.apply(ZkPaths.batch(firsts.get(i)), data, lastAppendedTxid, consumer);
            }
        }
        durableTxid.set(lastAppendedTxid);
        lastAppend = CompletableFuture.completedFuture(lastAppendedTxid);
        return lastAppendedTxid;
    }

    /**
     * Controller thread, standby: applies the batches written since the last call; returns how
     * many entries were applied.
     */
    public int tail(EntryConsumer consumer) throws IOException {
        int applied = 0;
        while (true) {
            String path = ZkPaths.batch(lastAppendedTxid + 1);
            byte[] data = batches.read(path);
            if (data == null) {
                break;
            }
            long before = lastAppendedTxid;
            lastAppendedTxid = batches.apply(path, data, lastAppendedTxid, consumer);
            applied += (int) (lastAppendedTxid - before);
        }
        durableTxid.set(lastAppendedTxid);
        lastAppend = CompletableFuture.completedFuture(lastAppendedTxid);
        return applied;
    }

    /**
     * Controller thread, on taking over: reads to the journal's end and checks nothing lies beyond
     * (a standby left behind by a trim must reload from the newest image instead).
     *
     * @throws IOException when batches exist past a gap
     */
    public int catchUp(EntryConsumer consumer) throws IOException {
        int applied = tail(consumer);
        List<Long> firsts = batches.firstTxids();
        if (!firsts.isEmpty() && firsts.get(firsts.size() - 1) > lastAppendedTxid) {
            throw new IOException("Journal gap: this NameNode has read up to txid " + lastAppendedTxid + " but "
                    + ZkPaths.batch(firsts.get(firsts.size() - 1)) + " exists and batch "
                    + ZkPaths.batch(lastAppendedTxid + 1) + " does not (trimmed after a checkpoint); reload from the image");
        }
        return applied;
    }

    // ---- writing: the active ----

    /** Controller thread, after {@link #catchUp}: appends from now on in {@code term}. */
    public void startWriting(Epoch term) throws IOException {
        requireNonNull(term, "term is null");
        if (writer != null) {
            throw new IllegalStateException("The journal writer already runs (epoch " + epoch + ")");
        }
        try {
            client.create().creatingParentContainersIfNeeded().forPath(ZkPaths.JOURNAL);
        } catch (KeeperException.NodeExistsException e) {
            // as usual
        } catch (Exception e) {
            throw new IOException("Cannot create " + ZkPaths.JOURNAL + " in ZooKeeper: " + e.getMessage(), e);
        }
        this.epoch = term;
        writer = Threads.named("namenode-zk-journal-%d").newThread(this::writeLoop);
        writer.start();
        LOG.info("Journal in ZooKeeper {}: writing from txid {} in epoch {}", ZkPaths.JOURNAL, lastAppendedTxid + 1, term.number());
    }

    public boolean isWriting() {
        return epoch != null && !stopped;
    }

    @Override
    public CompletableFuture<Long> append(List<JournalRecord> records) {
        if (records.isEmpty()) {
            return awaitAppended();
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (epoch == null || stopped) {
            done.completeExceptionally(new QuarryException(ErrorCode.STANDBY, "Journal in ZooKeeper is not writable here"
                    + " (this NameNode is not the active)"));
            return done;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long first = lastAppendedTxid + 1;
        for (JournalRecord record : records) {
            byte[] body = codec.encode(record);
            ByteBuffer frame = ByteBuffer.allocate(EntryFraming.HEADER + 8 + body.length);
            byte[] payload = ByteBuffer.allocate(8 + body.length).putLong(++lastAppendedTxid).put(body).array();
            EntryFraming.write(frame, payload);
            out.write(frame.array(), 0, frame.position());
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > maxBatchBytes) {
            lastAppendedTxid = first - 1;
            done.completeExceptionally(new QuarryException(ErrorCode.INVALID_ARGUMENT, "One operation's " + records.size()
                    + " journal records take " + bytes.length + " bytes, more than a ZooKeeper batch holds (" + maxBatchBytes + ")"));
            return done;
        }
        queue.add(new Pending(first, lastAppendedTxid, bytes, done));
        lastAppend = done;
        return done;
    }

    private void writeLoop() {
        List<Pending> burst = new ArrayList<>();
        Pending carried = null;
        while (!stopped) {
            burst.clear();
            int bytes = 0;
            try {
                Pending next = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
                carried = null;
                while (next != null) {
                    if (!burst.isEmpty() && (bytes + next.bytes().length > maxBatchBytes || burst.size() >= maxBatchEntries)) {
                        carried = next;
                        break;
                    }
                    burst.add(next);
                    bytes += next.bytes().length;
                    next = queue.poll();
                }
            } catch (InterruptedException e) {
                break;
            }
            if (burst.isEmpty()) {
                continue;
            }
            byte[] data = new byte[bytes];
            int at = 0;
            for (Pending pending : burst) {
                System.arraycopy(pending.bytes(), 0, data, at, pending.bytes().length);
                at += pending.bytes().length;
            }
            long first = burst.get(0).firstTxid();
            long last = burst.get(burst.size() - 1).lastTxid();
            if (!commit(first, data)) {
                failAll(burst, carried);
                return;
            }
            durableTxid.set(last);
            syncs.incrementAndGet();
            for (Pending pending : burst) {
                pending.done().complete(pending.lastTxid());
            }
        }
        failAll(burst, carried);
    }

    /** Creates the batch node, retrying through connection trouble; false when fenced or stopped. */
    private boolean commit(long firstTxid, byte[] data) {
        String path = ZkPaths.batch(firstTxid);
        boolean retry = false;
        while (!stopped) {
            try {
                CuratorOp create = client.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(path, data);
                fence.commit(epoch, List.of(create));
                return true;
            } catch (FencedException e) {
                stopped = true;
                LOG.warn("Journal batch {} refused by ZooKeeper: {}", path, e.getMessage());
                onFenced.accept(e.getMessage());
                return false;
            } catch (KeeperException.NodeExistsException e) {
                if (retry && Arrays.equals(data, readQuietly(path))) {
                    return true; // the earlier attempt committed before its answer was lost
                }
                stopped = true;
                String reason = "Journal batch " + path + " already exists with other content: another NameNode wrote txid " + firstTxid;
                LOG.error(reason);
                onFenced.accept(reason);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                retry = true;
                LOG.warn("Journal batch {} not yet written to ZooKeeper ({}); retrying", path, e.toString());
                try {
                    Thread.sleep(RETRY_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private byte[] readQuietly(String path) {
        try {
            return batches.read(path);
        } catch (IOException e) {
            return null;
        }
    }

    private void failAll(List<Pending> burst, Pending carried) {
        QuarryException error = new QuarryException(ErrorCode.STANDBY, "Journal in ZooKeeper stopped accepting entries"
                + " (this NameNode is no longer the active)");
        for (Pending pending : burst) {
            pending.done().completeExceptionally(error);
        }
        if (carried != null) {
            carried.done().completeExceptionally(error);
        }
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.done().completeExceptionally(error);
        }
    }

    /** Stops appending at once: what is queued fails, the batch being written may still land. */
    public void stopWriting() {
        stopped = true;
        if (writer != null) {
            writer.interrupt();
        }
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
        // Batches are the unit of trimming; nothing to roll.
    }

    /** Deletes the batches whose every entry is at or before {@code txid}, in transactions checked by the epoch. */
    @Override
    public void purgeUpTo(long txid) throws IOException {
        Epoch term = epoch;
        if (term == null) {
            return;
        }
        List<Long> firsts = batches.firstTxids();
        List<CuratorOp> deletes = new ArrayList<>();
        int purged = 0;
        try {
            for (int i = 0; i + 1 < firsts.size() && firsts.get(i + 1) <= txid + 1; i++) {
                deletes.add(client.transactionOp().delete().forPath(ZkPaths.batch(firsts.get(i))));
                if (deletes.size() == PURGE_OPS_PER_TRANSACTION) {
                    fence.commit(term, deletes);
                    purged += deletes.size();
                    deletes.clear();
                }
            }
            if (!deletes.isEmpty()) {
                fence.commit(term, deletes);
                purged += deletes.size();
            }
        } catch (Exception e) {
            throw new IOException("Trimming the journal in ZooKeeper up to txid " + txid + " failed after " + purged
                    + " batches: " + e.getMessage(), e);
        }
        if (purged > 0) {
            LOG.info("Trimmed {} journal batches from ZooKeeper (covered by the image at txid {})", purged, txid);
        }
    }

    @Override
    public void abort() {
        stopWriting();
        joinWriter();
    }

    @Override
    public void close() {
        if (writer != null && !stopped) {
            CompletableFuture<Long> last = lastAppend;
            try {
                last.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("Journal entries still unwritten at close: {}", e.toString());
            }
        }
        stopWriting();
        joinWriter();
    }

    private void joinWriter() {
        if (writer == null || writer == Thread.currentThread()) {
            return;
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
