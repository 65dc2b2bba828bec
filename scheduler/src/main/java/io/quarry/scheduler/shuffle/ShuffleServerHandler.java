package io.quarry.scheduler.shuffle;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Serves the requests of one connection, one at a time: while a partition is being sent the
 * connection is not read, so a peer can have at most one file region queued here, and a slow
 * reducer holds back only its own connection. Disk work runs on the server's disk executor; the
 * partition's bytes go to the socket as a {@link DefaultFileRegion} (sendfile). Malformed or
 * oversized frames close the connection; failed lookups are answered with an error header and
 * the connection stays usable.
 */
final class ShuffleServerHandler extends SimpleChannelInboundHandler<ShuffleRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ShuffleServerHandler.class);
    /** Requests a peer may pipeline before it is cut off; the client sends one at a time. */
    static final int MAX_QUEUED_REQUESTS = 64;

    private final String serverName;
    private final PartitionOpener opener;
    private final Executor diskExecutor;
    private final Queue<ShuffleRequest> queued = new ArrayDeque<>();
    private boolean serving;

    ShuffleServerHandler(String serverName, PartitionOpener opener, Executor diskExecutor) {
        this.serverName = requireNonNull(serverName, "serverName is null");
        this.opener = requireNonNull(opener, "opener is null");
        this.diskExecutor = requireNonNull(diskExecutor, "diskExecutor is null");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ShuffleRequest request) {
        if (queued.size() >= MAX_QUEUED_REQUESTS) {
            LOG.warn("{}: closing connection from {}: more than {} requests pipelined", serverName, ctx.channel().remoteAddress(),
                    MAX_QUEUED_REQUESTS);
            ctx.close();
            return;
        }
        queued.add(request);
        ctx.channel().config().setAutoRead(false);
        if (!serving) {
            serveNext(ctx);
        }
    }

    private void serveNext(ChannelHandlerContext ctx) {
        ShuffleRequest request = queued.poll();
        if (request == null) {
            serving = false;
            ctx.channel().config().setAutoRead(true);
            return;
        }
        serving = true;
        try {
            diskExecutor.execute(() -> {
                PartitionOpener.Opened opened = openSafely(request);
                try {
                    ctx.executor().execute(() -> send(ctx, request, opened));
                } catch (RejectedExecutionException e) {
                    PartitionOpener.closeQuietly(opened.file()); // the event loop is gone: so is the connection
                }
            });
        } catch (RejectedExecutionException e) {
            send(ctx, request, PartitionOpener.Opened.error(ShuffleStatus.SERVER_ERROR, serverName + " is shutting down"));
        }
    }

    private PartitionOpener.Opened openSafely(ShuffleRequest request) {
        try {
            return opener.open(request);
        } catch (RuntimeException e) {
            LOG.error("{}: internal error serving {}", serverName, request, e);
            return PartitionOpener.Opened.error(ShuffleStatus.SERVER_ERROR, serverName + ": internal error serving " + request
                    + ": " + e);
        }
    }

    private void send(ChannelHandlerContext ctx, ShuffleRequest request, PartitionOpener.Opened opened) {
        if (!ctx.channel().isActive()) {
            PartitionOpener.closeQuietly(opened.file());
            return;
        }
        ShuffleHeader header = opened.header();
        LOG.debug("{}: {} to {}: {} {} stored bytes", serverName, request, ctx.channel().remoteAddress(), header.status(),
                header.storedLength());
        ChannelFuture done;
        if (header.isOk() && header.storedLength() > 0) {
            ctx.write(header.encode(ctx.alloc()), ctx.voidPromise());
            // The region owns the file from here: releasing it (after the send, or on failure) closes it.
            done = ctx.writeAndFlush(new DefaultFileRegion(opened.file(), opened.offset(), header.storedLength()));
        } else {
            PartitionOpener.closeQuietly(opened.file());
            done = ctx.writeAndFlush(header.encode(ctx.alloc()));
        }
        done.addListener(future -> {
            if (future.isSuccess()) {
                serveNext(ctx);
            } else {
                LOG.debug("{}: sending {} to {} failed", serverName, request, ctx.channel().remoteAddress(), future.cause());
                ctx.close();
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && !serving) {
            LOG.debug("{}: closing idle connection from {}", serverName, ctx.channel().remoteAddress());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queued.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            LOG.warn("{}: closing connection from {}: request frame over {} bytes ({})", serverName, ctx.channel().remoteAddress(),
                    ShuffleProtocol.MAX_REQUEST_FRAME, cause.getMessage());
        } else if (cause instanceof DecoderException) {
            LOG.warn("{}: closing connection from {}: malformed request ({})", serverName, ctx.channel().remoteAddress(),
                    cause.getMessage());
        } else {
            LOG.debug("{}: connection from {} failed", serverName, ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
