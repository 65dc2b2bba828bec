package io.quarry.dfs.datanode.transfer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.TransferStatus;

/**
 * Packets of one write waiting for their ack: each needs this node's outcome (set by the disk
 * thread) and, with a downstream node, that node's ack. Used on the connection's event loop.
 */
final class AckQueue {
    /** One packet's ack state. */
    static final class Entry {
        final long seqno;
        final long end;
        final boolean last;
        volatile TransferStatus local;
        List<TransferStatus> downstream;

        Entry(long seqno, long end, boolean last) {
            this.seqno = seqno;
            this.end = end;
            this.last = last;
        }
    }

    /** An ack ready to go upstream, for the packet ending at {@code end}. */
    record Ready(PipelineAck ack, long end, boolean last) {
    }

    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private final boolean hasDownstream;
    private boolean downstreamAckedLast;

    AckQueue(boolean hasDownstream) {
        this.hasDownstream = hasDownstream;
    }

    Entry add(long seqno, long end, boolean last) {
        Entry entry = new Entry(seqno, end, last);
        pending.add(entry);
        return entry;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** True while some packet sent downstream has no ack from there yet. */
    boolean awaitingDownstream() {
        if (!hasDownstream) {
            return false;
        }
        for (Entry entry : pending) {
            if (entry.downstream == null) {
                return true;
            }
        }
        return false;
    }

    boolean downstreamAckedLast() {
        return downstreamAckedLast;
    }

    /**
     * Records a downstream ack; returns null when it matched the oldest packet without one,
     * otherwise what was wrong with it.
     */
    String onDownstreamAck(PipelineAck ack) {
        for (Entry entry : pending) {
            if (entry.downstream == null) {
                if (entry.seqno != ack.seqno()) {
                    return "acked packet " + ack.seqno() + ", expected " + entry.seqno;
                }
                entry.downstream = ack.statuses();
                downstreamAckedLast = entry.last;
                return null;
            }
        }
        return "acked packet " + ack.seqno() + " that was not sent";
    }

    /** Removes and returns the oldest packet's ack if it is complete; a dead downstream counts as ERROR. */
    Ready poll(boolean downstreamFailed) {
        Entry head = pending.peek();
        if (head == null || head.local == null) {
            return null;
        }
        if (hasDownstream && head.downstream == null && !downstreamFailed) {
            return null;
        }
        pending.poll();
        List<TransferStatus> statuses = new ArrayList<>();
        statuses.add(head.local);
        if (hasDownstream) {
            statuses.addAll(head.downstream != null ? head.downstream : List.of(TransferStatus.ERROR));
        }
        return new Ready(new PipelineAck(head.seqno, statuses), head.end, head.last);
    }
}
