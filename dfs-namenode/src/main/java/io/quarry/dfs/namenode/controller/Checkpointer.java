package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.time.Clock;
import io.quarry.dfs.namenode.journal.ImageStore;
import io.quarry.dfs.namenode.journal.Journal;
import io.quarry.dfs.namenode.journal.Records;

/**
 * Takes checkpoints: a snapshot of the namespace on the controller thread (values only), written
 * on the checkpoint thread once the journal is synced up to it; then old checkpoints and the
 * journal segments they cover are deleted.
 */
public final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Journal journal;
    private final ImageStore store;
    private final NamespaceImage image;
    private final Clock clock;
    private final Duration period;
    private final long txns;
    private final int retained;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Threads.named("namenode-checkpoint-%d"));
    private final AtomicLong checkpoints = new AtomicLong();
    private long lastTxid;
    private long lastNanos;
    private CompletableFuture<Long> inProgress = CompletableFuture.completedFuture(0L);

    public Checkpointer(Journal journal, ImageStore store, NamespaceImage image, Clock clock, Duration period, long txns,
                        int retained, long loadedTxid) {
        this.journal = requireNonNull(journal, "journal is null");
        this.store = requireNonNull(store, "store is null");
        this.image = requireNonNull(image, "image is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.period = requireNonNull(period, "period is null");
        this.txns = txns;
        this.retained = retained;
        this.lastTxid = loadedTxid;
        this.lastNanos = clock.nanoTime();
    }

    /** Controller thread: starts a checkpoint when enough entries or time have passed. */
    public void maybeCheckpoint() {
        long pending = journal.lastAppendedTxid() - lastTxid;
        boolean due = pending >= txns || pending > 0 && clock.nanoTime() - lastNanos >= period.toNanos();
        if (due && inProgress.isDone()) {
            checkpoint();
        }
    }

    /** Controller thread: snapshots now; the future completes with the checkpoint's txid once it is on disk. */
    public CompletableFuture<Long> checkpoint() {
        long started = clock.nanoTime();
        long txid = journal.lastAppendedTxid();
        List<Records.InodeImage> inodes = image.snapshot();
        Records.CheckpointHeader header = image.header(txid, inodes.size());
        long snapshotMillis = (clock.nanoTime() - started) / 1_000_000;
        journal.rollSegment();
        CompletableFuture<Long> durable = journal.awaitAppended();
        lastTxid = txid;
        lastNanos = clock.nanoTime();
        CompletableFuture<Long> previous = inProgress;
        inProgress = previous.handle((x, e) -> null).thenCombine(durable, (x, y) -> y).thenApplyAsync(ignored -> {
            try {
                long writeStart = clock.nanoTime();
                store.write(header, inodes);
                long oldest = store.pruneKeeping(retained);
                if (oldest >= 0) {
                    journal.purgeUpTo(oldest);
                }
                checkpoints.incrementAndGet();
                LOG.info("Checkpoint at txid {}: {} inodes (snapshot {} ms, write {} ms)", txid, inodes.size(), snapshotMillis,
                        (clock.nanoTime() - writeStart) / 1_000_000);
                return txid;
            } catch (IOException e) {
                LOG.warn("Checkpoint at txid {} failed: {}", txid, e.toString());
                throw new CompletionException(e);
            }
        }, executor);
        return inProgress;
    }

    public long count() {
        return checkpoints.get();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void abort() {
        executor.shutdownNow();
    }
}
