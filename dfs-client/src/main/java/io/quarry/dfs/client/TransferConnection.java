package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.protocol.transfer.TransferFrames;

/**
 * One client connection to a DataNode's transfer port. Inbound frames (ops, packets, acks) go
 * to a {@link Listener} on the event loop, which must not block.
 */
final class TransferConnection {
    /** Receives the decoded frames of a connection, on its event loop. */
    interface Listener {
        /** An op record, a {@link io.quarry.dfs.protocol.transfer.Packet} (the listener releases it) or an ack. */
        void onFrame(TransferConnection connection, Object frame);

        /** The connection closed or failed; {@code cause} is null for a plain close. */
        void onClosed(TransferConnection connection, Throwable cause);
    }

    private final HostAndPort address;
    private final Listener listener;
    private volatile Channel channel;
    private volatile Throwable failure;

    TransferConnection(HostAndPort address, Listener listener) {
        this.address = requireNonNull(address, "address is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    void attach(Channel channel) {
        this.channel = channel;
    }

    HostAndPort address() {
        return address;
    }

    Channel channel() {
        return channel;
    }

    boolean isOpen() {
        return channel != null && channel.isActive();
    }

    /** Sends an op record, flushed. */
    ChannelFuture sendOp(Object op) {
        return channel.writeAndFlush(TransferFrames.encodeOp(channel.alloc(), op));
    }

    /** Sends an encoded frame (length prefix included), flushed; takes ownership of it. */
    ChannelFuture send(ByteBuf frame) {
        return channel.writeAndFlush(frame);
    }

    void close() {
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    ChannelInboundHandlerAdapter handler() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                try {
                    listener.onFrame(TransferConnection.this, message);
                } catch (RuntimeException e) {
                    ReferenceCountUtil.safeRelease(message);
                    ctx.fireExceptionCaught(e);
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                listener.onClosed(TransferConnection.this, failure);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                if (failure == null) {
                    failure = cause;
                }
                ctx.close();
            }
        };
    }
}
