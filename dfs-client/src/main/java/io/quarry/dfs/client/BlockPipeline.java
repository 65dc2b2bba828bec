package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.util.ReferenceCountUtil;
import io.quarry.common.rpc.Ack;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.client.UpdateBlockForPipeline;
import io.quarry.dfs.protocol.client.UpdatePipeline;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;
import io.quarry.dfs.protocol.transfer.WriteStage;

/**
 * The write pipeline of one block: packets go to the first DataNode, which forwards them down the
 * chain; acks come back and are matched to the unacknowledged packets in order. When a node fails
 * (an error status in an ack, a closed connection, no ack within the socket timeout), the
 * pipeline drops it, gets a new generation stamp, reconnects to the survivors and resends every
 * unacknowledged packet. It fails only when no node survives.
 */
final class BlockPipeline implements TransferConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(BlockPipeline.class);

    private final WriteContext context;
    private final String path;
    private final List<DatanodeId> nodes;
    private final List<String> failures = new ArrayList<>();
    private final List<DatanodeId> dropped = new ArrayList<>();
    private final ArrayDeque<OutboundPacket> unacked = new ArrayDeque<>();
    private Block block;
    private TransferConnection connection;
    private CompletableFuture<OpResponse> setupReply;
    private Failure failure;
    private long ackedBytes;
    private long lastProgressNanos;
    private boolean closed;
    /** The ack of the last packet arrived: the DataNode closes the connection after it. */
    private boolean finished;

    private record Failure(int nodeIndex, String message) {
    }

    private BlockPipeline(WriteContext context, String path, LocatedBlock located) {
        this.context = requireNonNull(context, "context is null");
        this.path = requireNonNull(path, "path is null");
        this.block = located.block();
        this.nodes = new ArrayList<>(located.locations());
    }

    /** Sets up a pipeline for a freshly allocated block. */
    static BlockPipeline create(WriteContext context, String path, LocatedBlock located) throws IOException {
        if (located.locations().isEmpty()) {
            throw new IOException("The NameNode allocated " + located.block() + " of " + path + " without any DataNode");
        }
        BlockPipeline pipeline = new BlockPipeline(context, path, located);
        pipeline.connect(WriteStage.CREATE, located.block().generationStamp());
        return pipeline;
    }

    Block block() {
        return block;
    }

    /** Nodes dropped from this pipeline because they failed. */
    List<DatanodeId> droppedNodes() {
        return List.copyOf(dropped);
    }

    synchronized List<DatanodeId> nodes() {
        return List.copyOf(nodes);
    }

    private void connect(WriteStage stage, long previousStamp) throws PipelineSetupException {
        DatanodeId first = nodes.get(0);
        CompletableFuture<OpResponse> reply = new CompletableFuture<>();
        TransferConnection fresh;
        synchronized (this) {
            setupReply = reply;
        }
        try {
            fresh = context.connector().connect(first.transferAddress(), this);
        } catch (IOException e) {
            throw new PipelineSetupException(0, "Cannot connect to " + first + " to write " + block + " of " + path + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            connection = fresh;
        }
        fresh.channel().config().setAutoRead(true);
        WriteBlockOp op = new WriteBlockOp(block, previousStamp, context.clientName(), nodes.subList(1, nodes.size()), stage,
                context.settings().bytesPerChecksum(), context.settings().syncOnClose());
        fresh.sendOp(op);
        OpResponse response;
        long timeoutMillis = context.settings().socketTimeout().toMillis();
        try {
            response = reply.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fresh.close();
            throw new PipelineSetupException(0, "Interrupted while setting up the pipeline of " + block, e);
        } catch (ExecutionException | TimeoutException e) {
            fresh.close();
            String why = e instanceof TimeoutException ? "no answer within " + timeoutMillis + " ms" : String.valueOf(e.getCause().getMessage());
            throw new PipelineSetupException(0, first + " failed to set up the pipeline of " + block + " of " + path + ": " + why, e);
        }
        if (response.status() != TransferStatus.SUCCESS) {
            fresh.close();
            int bad = indexOf(response.firstBadLink());
            throw new PipelineSetupException(bad, "Pipeline " + nodes + " for " + block + " of " + path + " refused by "
                    + nodes.get(bad) + ": " + response.status() + " " + response.message(), null);
        }
        synchronized (this) {
            lastProgressNanos = context.clock().nanoTime();
        }
        LOG.debug("Pipeline {} set up for {} of {} ({})", nodes, block, path, stage);
    }

    private int indexOf(String link) {
        if (link != null && !link.isEmpty()) {
            for (int i = 0; i < nodes.size(); i++) {
                DatanodeId node = nodes.get(i);
                if (link.equals(node.toString()) || link.equals(node.uuid()) || link.equals(node.host())) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** Sends a packet once the window has room; takes ownership of it. */
    void send(OutboundPacket packet) throws IOException {
        int window = context.settings().maxPacketsInFlight();
        while (true) {
            synchronized (this) {
                try {
                    awaitLocked(() -> unacked.size() < window);
                } catch (IOException e) {
                    packet.release();
                    throw e;
                }
                if (failure == null) {
                    unacked.addLast(packet);
                    if (unacked.size() == 1) {
                        lastProgressNanos = context.clock().nanoTime();
                    }
                    connection.send(packet.encode(connection.channel().alloc()));
                    return;
                }
            }
            try {
                recover();
            } catch (IOException | RuntimeException e) {
                packet.release();
                throw e;
            }
        }
    }

    /** Waits until every packet sent so far is acknowledged by every surviving node. */
    void awaitAcks() throws IOException {
        while (true) {
            synchronized (this) {
                awaitLocked(unacked::isEmpty);
                if (failure == null) {
                    return;
                }
            }
            recover();
        }
    }

    private interface Condition {
        boolean holds();
    }

    /**
     * Waits for the condition or a failure; turns a silent pipeline into a failure of its first node.
     * The wait allows one socket timeout per pipeline node, so that a DataNode waiting on a silent
     * downstream node (which allows one timeout per node below it) reports that node first.
     */
    private void awaitLocked(Condition condition) throws IOException {
        long timeoutNanos = context.settings().socketTimeout().toNanos() * Math.max(1, nodes.size());
        while (failure == null && !condition.holds()) {
            long waited = context.clock().nanoTime() - lastProgressNanos;
            if (!unacked.isEmpty() && waited >= timeoutNanos) {
                failure = new Failure(0, "no ack for " + unacked.peekFirst() + " within " + timeoutNanos / 1_000_000 + " ms");
                break;
            }
            try {
                long remaining = unacked.isEmpty() ? timeoutNanos : timeoutNanos - waited;
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(1_000_000, remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while writing " + block + " of " + path, e);
            }
        }
    }

    /** Drops failed nodes and resumes on the survivors until a pipeline stands; fails when none is left. */
    private void recover() throws IOException {
        while (true) {
            Failure current;
            TransferConnection old;
            synchronized (this) {
                current = failure;
                old = connection;
                connection = null;
            }
            if (current == null) {
                return;
            }
            if (old != null) {
                old.close();
            }
            int index = Math.min(Math.max(0, current.nodeIndex()), nodes.size() - 1);
            DatanodeId bad = nodes.get(index);
            failures.add(bad + ": " + current.message());
            dropped.add(bad);
            LOG.warn("Pipeline {} of {} of {} lost {}: {}; recovering with the others", nodes, block, path, bad, current.message());
            synchronized (this) {
                nodes.remove(index);
            }
            if (nodes.isEmpty()) {
                throw new IOException("All DataNodes of the pipeline for " + block + " of " + path + " failed at offset "
                        + ackedBytes + " of the block: " + String.join("; ", failures));
            }
            Block oldBlock = block;
            LocatedBlock updated = context.nameNode().call(new UpdateBlockForPipeline(block, context.clientName()), LocatedBlock.class);
            Block newBlock = new Block(block.blockId(), updated.block().generationStamp(), ackedBytes);
            long survivorsStamp = block.generationStamp();
            block = newBlock;
            synchronized (this) {
                failure = null;
            }
            try {
                connect(WriteStage.PIPELINE_RECOVERY, survivorsStamp);
            } catch (PipelineSetupException e) {
                synchronized (this) {
                    failure = new Failure(e.badNodeIndex(), e.getMessage());
                }
                continue;
            }
            context.nameNode().call(new UpdatePipeline(context.clientName(), oldBlock, newBlock, List.copyOf(nodes)), Ack.class);
            synchronized (this) {
                for (OutboundPacket packet : unacked) {
                    connection.send(packet.encode(connection.channel().alloc()));
                }
                lastProgressNanos = context.clock().nanoTime();
                if (failure == null) {
                    return;
                }
            }
        }
    }

    @Override
    public void onFrame(TransferConnection from, Object frame) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} of {} from {}: {}", block, path, from.address(), frame);
        }
        synchronized (this) {
            if (from != connection) {
                ReferenceCountUtil.release(frame);
                return;
            }
            if (frame instanceof PipelineAck ack) {
                onAck(ack);
            } else if (frame instanceof TransferOp op && op.message() instanceof OpResponse response) {
                setupReply.complete(response);
            } else {
                ReferenceCountUtil.release(frame);
                fail(0, "unexpected " + frame + " from " + from.address());
            }
        }
    }

    private void onAck(PipelineAck ack) {
        OutboundPacket head = unacked.peekFirst();
        if (head == null || head.seqno() != ack.seqno()) {
            fail(0, "ack for packet " + ack.seqno() + " while waiting for " + (head == null ? "none" : head.seqno()));
            return;
        }
        if (!ack.isSuccess()) {
            int index = ack.firstFailure();
            fail(index, "ack " + ack.seqno() + " reports " + ack.statuses().get(index));
            return;
        }
        unacked.removeFirst();
        finished = head.isLast();
        ackedBytes = head.offsetInBlock() + head.dataLength();
        head.release();
        lastProgressNanos = context.clock().nanoTime();
        notifyAll();
    }

    @Override
    public void onClosed(TransferConnection from, Throwable cause) {
        LOG.debug("{} of {}: connection to {} closed", block, path, from.address(), cause);
        synchronized (this) {
            if (setupReply != null && !setupReply.isDone()) {
                setupReply.completeExceptionally(new IOException("connection to " + from.address() + " closed"
                        + (cause == null ? "" : ": " + cause), cause));
            }
            if (from == connection && !closed && !finished) {
                fail(0, "connection closed" + (cause == null ? "" : ": " + cause));
            }
        }
    }

    private void fail(int nodeIndex, String message) {
        if (failure == null) {
            failure = new Failure(nodeIndex, message);
        }
        notifyAll();
    }

    /** Closes the connection and frees any packet never acknowledged. */
    void close() {
        TransferConnection current;
        synchronized (this) {
            closed = true;
            current = connection;
            for (OutboundPacket packet : unacked) {
                packet.release();
            }
            unacked.clear();
        }
        if (current != null) {
            current.close();
        }
    }
}
