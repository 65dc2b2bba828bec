package io.quarry.dfs.datanode.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.datanode.storage.ReplicaException;
import io.quarry.dfs.datanode.storage.ReplicaWriter;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * One block write on one pipeline node: sets up the replica and the downstream connection,
 * forwards each packet downstream unchanged, verifies and writes it on the disk executor (in
 * order), and acks upstream once both the local write and the downstream ack are in. Pipeline
 * state is touched only on the connection's event loop.
 */
final class BlockReceiver implements TransferOperation, Downstream.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(BlockReceiver.class);

    private final ChannelHandlerContext ctx;
    private final TransferContext context;
    private final WriteBlockOp op;
    private final String peer;
    private static final int MAX_EARLY_PACKETS = 1024;

    private final AckQueue acks;
    /** Packets a client sent before the pipeline answered; they are processed once it is set up. */
    private final ArrayDeque<Packet> early = new ArrayDeque<>();
    private ReplicaWriter writer;
    private Channel downstream;
    private boolean setupDone;
    private boolean downstreamFailed;
    private boolean failed;
    private boolean lastReceived;
    private volatile boolean aborted;
    private long nextOffset;
    private final SerialExecutor disk;
    private final AtomicBoolean ackFlushScheduled = new AtomicBoolean();
    private volatile boolean diskFailed;

    BlockReceiver(ChannelHandlerContext ctx, TransferContext context, WriteBlockOp op) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.context = requireNonNull(context, "context is null");
        this.op = requireNonNull(op, "op is null");
        this.peer = String.valueOf(ctx.channel().remoteAddress());
        this.disk = new SerialExecutor(context.diskExecutor());
        this.acks = new AckQueue(!op.downstream().isEmpty());
    }

    void start() {
        context.diskExecutor().execute(this::openReplica);
    }

    private void openReplica() {
        try {
            ReplicaWriter opened = op.stage() == WriteStage.PIPELINE_RECOVERY
                    ? context.dataset().recoverRbw(op.block(), op.previousGenerationStamp())
                    : context.dataset().createRbw(op.block(), op.bytesPerChecksum());
            opened.onStop(() -> ctx.channel().close());
            if (op.stage() != WriteStage.PIPELINE_RECOVERY) {
                context.events().receiving(op.block());
            }
            ctx.executor().execute(() -> replicaOpened(opened));
        } catch (ReplicaException e) {
            LOG.warn("{}: refusing {} of {} from {}: {}", context.name(), op.stage(), op.block(), peer, e.getMessage());
            ctx.executor().execute(() -> refuse(e.status(), e.getMessage(), ""));
        } catch (Exception e) {
            LOG.warn("{}: cannot open {} for {} from {}", context.name(), op.block(), op.stage(), peer, e);
            ctx.executor().execute(() -> refuse(TransferStatus.ERROR, "Cannot open " + op.block() + ": " + e.getMessage(), ""));
        }
    }

    private void replicaOpened(ReplicaWriter opened) {
        writer = opened;
        nextOffset = opened.replica().bytesOnDisk();
        if (aborted) {
            closeWriterWhenIdle();
            return;
        }
        if (op.downstream().isEmpty()) {
            pipelineReady();
            return;
        }
        DatanodeId next = op.downstream().get(0);
        InetSocketAddress address = new InetSocketAddress(next.host(), next.dataPort());
        // Each node below this one may take a full socket timeout before it names a failure of its own.
        long ackTimeout = context.socketTimeoutMillis() * op.downstream().size();
        Downstream.connect(ctx.channel().eventLoop(), address, context.connectTimeoutMillis(), ackTimeout, this).addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                LOG.warn("{}: cannot reach downstream {} for {}: {}", context.name(), next, op.block(), future.cause().toString());
                refuse(TransferStatus.ERROR, "Cannot connect to downstream " + next + " for " + op.block() + ": "
                        + future.cause().getMessage(), next.toString());
                return;
            }
            downstream = future.channel();
            if (aborted) {
                downstream.close();
                return;
            }
            WriteBlockOp forwarded = new WriteBlockOp(op.block(), op.previousGenerationStamp(), op.clientName(),
                    op.downstream().subList(1, op.downstream().size()), op.stage(), op.bytesPerChecksum(), op.syncOnClose());
            downstream.writeAndFlush(TransferFrames.encodeOp(downstream.alloc(), forwarded));
        });
    }

    private void pipelineReady() {
        setupDone = true;
        ctx.writeAndFlush(TransferFrames.encodeOp(ctx.alloc(), OpResponse.success()));
        Packet next;
        while ((next = early.poll()) != null) {
            onMessage(next);
        }
    }

    private void releaseEarlyPackets() {
        Packet next;
        while ((next = early.poll()) != null) {
            next.release();
        }
    }

    private void refuse(TransferStatus status, String message, String firstBadLink) {
        failed = true;
        releaseEarlyPackets();
        context.metrics().transferErrors.inc();
        ctx.writeAndFlush(TransferFrames.encodeOp(ctx.alloc(), new OpResponse(status, message, firstBadLink)))
                .addListener(ChannelFutureListener.CLOSE);
        if (downstream != null) {
            downstream.close();
        }
        closeWriterWhenIdle();
    }

    @Override
    public void onDownstreamMessage(Object message) {
        if (!setupDone && message instanceof TransferOp transferOp && transferOp.message() instanceof OpResponse response) {
            if (response.status() == TransferStatus.SUCCESS) {
                pipelineReady();
            } else {
                String badLink = response.firstBadLink().isEmpty() ? op.downstream().get(0).toString() : response.firstBadLink();
                refuse(response.status(), response.message(), badLink);
            }
        } else if (setupDone && message instanceof PipelineAck ack) {
            onDownstreamAck(ack);
        } else {
            LOG.warn("{}: downstream {} of {} sent unexpected {}", context.name(), op.downstream().get(0), op.block(), message);
            downstream.close();
        }
    }

    private void onDownstreamAck(PipelineAck ack) {
        String problem = acks.onDownstreamAck(ack);
        if (problem != null) {
            LOG.warn("{}: downstream {} of {} {}", context.name(), op.downstream().get(0), op.block(), problem);
            downstream.close();
            return;
        }
        flushAcks();
    }

    @Override
    public boolean awaitingDownstreamAcks() {
        return setupDone && acks.awaitingDownstream();
    }

    @Override
    public void onDownstreamClosed(Throwable cause) {
        if (!setupDone) {
            if (!failed) {
                refuse(TransferStatus.ERROR, "Downstream " + op.downstream().get(0) + " closed during setup of " + op.block(),
                        op.downstream().get(0).toString());
            }
            return;
        }
        if (acks.downstreamAckedLast()) {
            return;
        }
        if (!failed && !aborted && !isComplete()) {
            LOG.warn("{}: downstream {} of {} failed: {}", context.name(), op.downstream().get(0), op.block(),
                    cause == null ? "connection closed" : cause.toString());
        }
        downstreamFailed = true;
        flushAcks();
    }

    private boolean isComplete() {
        return lastReceived && acks.isEmpty();
    }

    @Override
    public void onMessage(Object message) {
        if (!(message instanceof Packet packet)) {
            protocolError("expected a data packet of " + op.block() + ", got " + describe(message));
            return;
        }
        if (failed || aborted) {
            packet.release();
            return;
        }
        if (!setupDone) {
            if (early.size() >= MAX_EARLY_PACKETS) {
                packet.release();
                protocolError(early.size() + " packets of " + op.block() + " arrived before the pipeline was set up");
                return;
            }
            early.add(packet);
            return;
        }
        String problem = validate(packet);
        if (problem != null) {
            packet.release();
            protocolError(problem);
            return;
        }
        long end = packet.offsetInBlock() + packet.dataLength();
        nextOffset = end;
        lastReceived = packet.isLast();
        if (downstream != null && !downstreamFailed) {
            Downstream.forward(downstream, packet.frame());
        }
        AckQueue.Entry entry = acks.add(packet.seqno(), end, packet.isLast());
        try {
            disk.execute(() -> writeInOrder(packet, entry));
        } catch (RejectedExecutionException e) {
            packet.release();
            entry.local = TransferStatus.ERROR;
            flushAcks();
        }
    }

    /** Runs on the serial disk executor, one packet after the other. */
    private void writeInOrder(Packet packet, AckQueue.Entry entry) {
        TransferStatus status;
        try {
            if (diskFailed || aborted) {
                status = TransferStatus.ERROR;
            } else {
                writeLocally(packet);
                status = TransferStatus.SUCCESS;
            }
        } catch (PacketWriteException e) {
            status = e.status();
        } catch (IOException | RuntimeException e) {
            if (!aborted) {
                LOG.warn("{}: writing {} failed", context.name(), op.block(), e);
            }
            status = TransferStatus.ERROR;
        } finally {
            packet.release();
        }
        if (status != TransferStatus.SUCCESS) {
            diskFailed = true;
        }
        entry.local = status;
        if (ackFlushScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(() -> {
                ackFlushScheduled.set(false);
                flushAcks();
            });
        }
    }

    private String validate(Packet packet) {
        if (lastReceived) {
            return "packet " + packet.seqno() + " of " + op.block() + " arrived after the last packet";
        }
        int expectedChecksums = ChunkChecksums.checksumLength(packet.dataLength(), op.bytesPerChecksum());
        if (packet.checksums().readableBytes() != expectedChecksums) {
            return "packet " + packet.seqno() + " of " + op.block() + " at offset " + packet.offsetInBlock() + " carries "
                    + packet.checksums().readableBytes() + " checksum bytes for " + packet.dataLength() + " data bytes, expected "
                    + expectedChecksums;
        }
        if (packet.offsetInBlock() > nextOffset) {
            return "packet " + packet.seqno() + " of " + op.block() + " starts at offset " + packet.offsetInBlock()
                    + " but the replica holds only " + nextOffset + " bytes";
        }
        return null;
    }

    private void writeLocally(Packet packet) throws IOException {
        int bad = ChunkChecksums.firstMismatch(packet.data(), packet.checksums(), op.bytesPerChecksum());
        if (bad >= 0) {
            context.metrics().checksumFailures.inc();
            long offset = packet.offsetInBlock() + (long) bad * op.bytesPerChecksum();
            String message = "Checksum mismatch in " + op.block() + " at offset " + offset + " from " + peer + " ("
                    + ChunkChecksums.describeMismatch(packet.data(), packet.checksums(), op.bytesPerChecksum(), bad) + ")";
            LOG.warn("{}: {}", context.name(), message);
            throw new PacketWriteException(TransferStatus.ERROR_CHECKSUM, message);
        }
        writer.write(packet.offsetInBlock(), packet.checksums(), packet.data());
        context.metrics().bytesWritten.add(packet.dataLength());
        if (packet.isLast()) {
            context.dataset().finalizeReplica(writer, context.syncOnClose() || op.syncOnClose());
            context.metrics().blocksWritten.inc();
            context.events().received(writer.replica().toBlock());
            LOG.debug("{}: finalized {} from {}", context.name(), writer.replica(), peer);
        } else if (packet.isSync()) {
            writer.sync();
        } else if (context.syncOnClose() || op.syncOnClose()) {
            writer.syncBehind(context.diskExecutor(), packet.dataLength());
        }
    }

    private void flushAcks() {
        boolean wrote = false;
        AckQueue.Ready ready;
        while (!failed && (ready = acks.poll(downstreamFailed)) != null) {
            PipelineAck ack = ready.ack();
            if (!ack.isSuccess()) {
                failed = true;
                context.metrics().transferErrors.inc();
                LOG.warn("{}: write of {} from {} failed at packet {}: acking {}", context.name(), op.block(), peer, ack.seqno(), ack.statuses());
                ctx.writeAndFlush(TransferFrames.encodeAck(ctx.alloc(), ack)).addListener(ChannelFutureListener.CLOSE);
                closeDownstream();
                closeWriterWhenIdle();
                return;
            }
            writer.replica().setVisibleLength(ready.end());
            if (ready.last()) {
                ctx.writeAndFlush(TransferFrames.encodeAck(ctx.alloc(), ack)).addListener(ChannelFutureListener.CLOSE);
                closeDownstream();
                return;
            }
            ctx.write(TransferFrames.encodeAck(ctx.alloc(), ack), ctx.voidPromise());
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private void closeDownstream() {
        if (downstream != null) {
            downstream.close();
        }
    }

    private void protocolError(String problem) {
        releaseEarlyPackets();
        LOG.warn("{}: closing write connection from {}: {}", context.name(), peer, problem);
        failed = true;
        context.metrics().transferErrors.inc();
        ctx.writeAndFlush(TransferFrames.encodeOp(ctx.alloc(), new OpResponse(TransferStatus.ERROR_INVALID, problem, "")))
                .addListener(ChannelFutureListener.CLOSE);
        closeDownstream();
        closeWriterWhenIdle();
    }

    @Override
    public void onInactive() {
        aborted = true;
        releaseEarlyPackets();
        closeDownstream();
        closeWriterWhenIdle();
    }

    /** Closes the replica's files (it stays RBW unless finalized) once queued disk work is done. */
    private void closeWriterWhenIdle() {
        ReplicaWriter toClose = writer;
        if (toClose == null) {
            return;
        }
        Runnable close = () -> {
            try {
                toClose.close();
            } catch (IOException e) {
                LOG.warn("{}: cannot close {}", context.name(), toClose.replica(), e);
            }
        };
        try {
            disk.execute(close);
        } catch (RejectedExecutionException e) {
            close.run();
        }
    }

    private static String describe(Object message) {
        return message instanceof TransferOp transferOp ? transferOp.message().getClass().getSimpleName() : message.getClass().getSimpleName();
    }
}
