package io.quarry.dfs.datanode.transfer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.dfs.protocol.transfer.TransferFrameDecoder;
import io.quarry.dfs.protocol.transfer.TransferFrames;

/**
 * Opens the connection to the next node of a write pipeline on the upstream connection's own
 * event loop, so packets, acks and pipeline state of one write are handled by one thread.
 */
final class Downstream {
    /** Receives what the downstream node sends; called on the event loop. */
    interface Listener {
        void onDownstreamMessage(Object message);

        void onDownstreamClosed(Throwable cause);

        /** True while packets sent downstream wait for their acks. */
        boolean awaitingDownstreamAcks();
    }

    private Downstream() {
    }

    /**
     * Connects to the next node. When packets wait for acks and the node has sent nothing for
     * {@code ackTimeoutMillis}, it is treated as failed, so a frozen node is reported like a dead one.
     */
    static ChannelFuture connect(EventLoop loop, java.net.InetSocketAddress address, int connectTimeoutMillis,
                                 long ackTimeoutMillis, Listener listener) {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NettyTransport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new io.netty.channel.WriteBufferWaterMark(1024 * 1024, 4 * 1024 * 1024))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(ackTimeoutMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast(TransferFrames.frameDecoder())
                                .addLast(new TransferFrameDecoder())
                                .addLast(new Handler(listener, address, ackTimeoutMillis));
                    }
                });
        return bootstrap.connect(address);
    }

    /** Sends a decoded packet frame on unchanged: a length prefix and the retained frame, no copy. */
    static void forward(Channel channel, ByteBuf frame) {
        ByteBuf prefix = channel.alloc().buffer(4);
        prefix.writeInt(frame.writerIndex());
        channel.write(prefix, channel.voidPromise());
        channel.writeAndFlush(frame.retainedDuplicate().readerIndex(0), channel.voidPromise());
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {
        private final Listener listener;
        private final java.net.InetSocketAddress address;
        private final long ackTimeoutMillis;
        private boolean closed;

        Handler(Listener listener, java.net.InetSocketAddress address, long ackTimeoutMillis) {
            this.listener = listener;
            this.address = address;
            this.ackTimeoutMillis = ackTimeoutMillis;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE && listener.awaitingDownstreamAcks()) {
                notifyClosed(new TimeoutException("no ack from downstream " + address + " within " + ackTimeoutMillis + " ms"));
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (!closed) {
                    listener.onDownstreamMessage(msg);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            notifyClosed(null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            notifyClosed(cause);
            ctx.close();
        }

        private void notifyClosed(Throwable cause) {
            if (!closed) {
                closed = true;
                listener.onDownstreamClosed(cause);
            }
        }
    }
}
