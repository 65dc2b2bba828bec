package io.quarry.dfs.datanode.transfer;

import java.util.function.Supplier;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ReferenceCountUtil;
import io.quarry.dfs.protocol.transfer.LocalReadOp;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.ReplicaRecoveryOp;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.UpdateReplicaOp;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The last handler of a transfer connection: dispatches on the first op frame to a block write,
 * a block read, a short-circuit read grant or a recovery step; anything malformed gets an error
 * answer and the connection closes.
 */
final class TransferHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TransferHandler.class);

    private final TransferContext context;
    private final ReplicaRecoveryService recovery;
    private final LocalReadService localReads;
    private TransferOperation operation;
    private boolean closing;

    TransferHandler(TransferContext context) {
        this.context = requireNonNull(context, "context is null");
        this.recovery = new ReplicaRecoveryService(context);
        this.localReads = new LocalReadService(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (operation != null) {
            operation.onMessage(msg);
            return;
        }
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof TransferOp transferOp)) {
            ReferenceCountUtil.release(msg);
            fail(ctx, "the first frame must be an op, got a " + msg.getClass().getSimpleName());
            return;
        }
        Object op = transferOp.message();
        if (op instanceof WriteBlockOp write) {
            BlockReceiver receiver = new BlockReceiver(ctx, context, write);
            operation = receiver;
            receiver.start();
        } else if (op instanceof ReadBlockOp read) {
            BlockSender sender = new BlockSender(ctx, context, read);
            operation = sender;
            sender.start();
        } else if (op instanceof LocalReadOp local) {
            answerOnce(ctx, () -> localReads.answer(local, ctx.channel().remoteAddress(), ctx.channel().localAddress()));
        } else if (op instanceof ReplicaRecoveryOp recover) {
            answerOnce(ctx, () -> recovery.recover(recover, peer(ctx)));
        } else if (op instanceof UpdateReplicaOp update) {
            answerOnce(ctx, () -> recovery.update(update, peer(ctx)));
        } else {
            fail(ctx, "unexpected first op " + op.getClass().getSimpleName());
        }
    }

    private void answerOnce(ChannelHandlerContext ctx, Supplier<Object> answer) {
        closing = true;
        context.diskExecutor().execute(() -> {
            Object response = answer.get();
            ctx.writeAndFlush(TransferFrames.encodeOp(ctx.alloc(), response)).addListener(ChannelFutureListener.CLOSE);
        });
    }

    private void fail(ChannelHandlerContext ctx, String problem) {
        closing = true;
        context.metrics().transferErrors.inc();
        LOG.warn("{}: closing transfer connection from {}: {}", context.name(), peer(ctx), problem);
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(TransferFrames.encodeOp(ctx.alloc(), new OpResponse(TransferStatus.ERROR_INVALID, problem, "")))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (operation != null && ctx.channel().isWritable()) {
            operation.onWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (operation != null) {
            operation.onInactive();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException || cause instanceof TooLongFrameException) {
            if (!closing) {
                String problem = "malformed frame: " + (cause.getCause() != null && cause instanceof DecoderException
                        && cause.getMessage() == null ? cause.getCause().getMessage() : cause.getMessage());
                fail(ctx, problem);
            }
            if (operation != null) {
                ctx.close();
            }
            return;
        }
        if (!closing) {
            closing = true;
            if (cause instanceof java.io.IOException) {
                // a peer that goes away mid-transfer (a reader that seeks, a killed client) is routine
                LOG.debug("{}: transfer connection from {} closed: {}", context.name(), peer(ctx), cause.toString());
            } else {
                LOG.warn("{}: transfer connection from {} failed: {}", context.name(), peer(ctx), cause.toString());
            }
        }
        ctx.close();
    }

    private static String peer(ChannelHandlerContext ctx) {
        return String.valueOf(ctx.channel().remoteAddress());
    }
}
