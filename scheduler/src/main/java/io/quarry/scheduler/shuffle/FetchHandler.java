package io.quarry.scheduler.shuffle;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a reducer's shuffle connection: hands the decoded response of the fetch in
 * progress to its {@link SegmentStream}, and runs the fetch's completion action (returning the
 * connection to its pool) once the whole response has arrived. A connection has at most one
 * fetch in progress.
 */
final class FetchHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(FetchHandler.class);

    private volatile SegmentStream current;
    private volatile Runnable onResponseEnd;

    /** Called before the request is written; {@code onResponseEnd} runs on the event loop after the last byte. */
    void begin(SegmentStream stream, Runnable onResponseEnd) {
        if (current != null) {
            throw new IllegalStateException("a fetch is already in progress on this connection");
        }
        this.onResponseEnd = onResponseEnd;
        this.current = stream;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        SegmentStream stream = current;
        if (stream == null) {
            ReferenceCountUtil.release(message);
            LOG.warn("closing shuffle connection to {}: it sent data nobody asked for", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        if (message instanceof ByteBuf chunk) {
            stream.onChunk(chunk);
        } else if (message instanceof ShuffleHeader header) {
            if (!header.isOk()) {
                finish(); // pooled before the reader learns of the error, so its next fetch can reuse the connection
            }
            stream.onHeader(header);
        } else if (message == ShuffleResponseDecoder.END_OF_SEGMENT) {
            finish();
            stream.onEnd();
        } else {
            ReferenceCountUtil.release(message);
            throw new IllegalStateException("unexpected message " + message);
        }
    }

    private void finish() {
        Runnable action = onResponseEnd;
        current = null;
        onResponseEnd = null;
        action.run();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        SegmentStream stream = current;
        current = null;
        if (stream != null) {
            stream.onFailure("connection closed", null);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        SegmentStream stream = current;
        current = null;
        if (stream != null) {
            stream.onFailure("connection failed (" + cause.getMessage() + ")", cause);
        } else {
            LOG.debug("shuffle connection to {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
