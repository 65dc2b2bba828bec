package io.quarry.dfs.namenode.journal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The durable, ordered log of namespace changes. One writer (the controller) appends; entries get
 * consecutive transaction ids; a returned future completes only once its entries are synced to
 * stable storage, so nothing is acknowledged before it is durable.
 */
public interface Journal extends AutoCloseable {
    /** Feeds every entry after {@code afterTxid} to the consumer in order; returns the last txid seen. Call once, before appending. */
    long replay(long afterTxid, EntryConsumer consumer) throws IOException;

    /** Queues the records; the future completes with the last of their txids once they are synced. */
    CompletableFuture<Long> append(List<JournalRecord> records);

    /**
     * Like {@link #append}, but a journal that does not sync ({@link #syncs()} false) may write the
     * records on the calling thread before this returns when nothing else waits to be written,
     * sparing a lone caller the hand-offs to a writer thread and back. By default the same as
     * {@code append}.
     */
    default CompletableFuture<Long> appendNow(List<JournalRecord> records) {
        return append(records);
    }

    /** False when appends are acknowledged without syncing (benchmarks and scratch clusters only). */
    default boolean syncs() {
        return true;
    }

    /** Completes once everything appended so far is synced. */
    CompletableFuture<Long> awaitAppended();

    long lastAppendedTxid();

    long lastDurableTxid();

    long syncCount();

    /** The next append starts a new segment (after a checkpoint, so old segments can be purged). */
    void rollSegment();

    /** Deletes segments whose every entry is at or before {@code txid}. */
    void purgeUpTo(long txid) throws IOException;

    /** Stops at once, without syncing what is queued (crash simulation). */
    void abort();

    /** Syncs what is queued and stops. */
    @Override
    void close();

    @FunctionalInterface
    interface EntryConsumer {
        void accept(long txid, JournalRecord record) throws IOException;
    }
}
