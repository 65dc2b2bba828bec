package io.quarry.dfs.datanode.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.protocol.transfer.TransferFrameDecoder;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;

/**
 * A blocking transfer connection to a DataNode, for DataNode-to-DataNode work (re-replication,
 * lease recovery) run on the disk executor. Received frames queue up until {@link #receive}.
 */
public final class TransferConnection implements AutoCloseable {
    private static final Object CLOSED = new Object();

    private final Channel channel;
    private final HostAndPort address;
    private final BlockingQueue<Object> inbound;
    private volatile Throwable failure;

    private TransferConnection(Channel channel, HostAndPort address, BlockingQueue<Object> inbound) {
        this.channel = channel;
        this.address = address;
        this.inbound = inbound;
    }

    public static TransferConnection open(EventLoopGroup group, HostAndPort address, Duration connectTimeout) throws IOException {
        BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
        Holder holder = new Holder();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NettyTransport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(TransferFrames.frameDecoder())
                                .addLast(new TransferFrameDecoder())
                                .addLast(new QueueHandler(inbound, holder));
                    }
                });
        ChannelFuture connect = bootstrap.connect(new InetSocketAddress(address.host(), address.port()));
        if (!connect.awaitUninterruptibly(connectTimeout.toMillis() + 1000) || !connect.isSuccess()) {
            connect.channel().close();
            Throwable cause = connect.cause();
            throw new IOException("Cannot connect to DataNode " + address + ": " + (cause == null ? "timed out" : cause.getMessage()), cause);
        }
        TransferConnection connection = new TransferConnection(connect.channel(), address, inbound);
        holder.connection = connection;
        return connection;
    }

    public HostAndPort address() {
        return address;
    }

    public Channel channel() {
        return channel;
    }

    /** Sends an op record. */
    public void sendOp(Object op) throws IOException {
        send(TransferFrames.encodeOp(channel.alloc(), op));
    }

    /** Sends an encoded frame (ownership passes) and waits until it is written, which paces the sender. */
    public void send(ByteBuf frame) throws IOException {
        ChannelFuture write = channel.writeAndFlush(frame);
        write.awaitUninterruptibly();
        if (!write.isSuccess()) {
            throw new IOException("Cannot send to DataNode " + address + ": " + write.cause(), write.cause());
        }
    }

    /** The next frame received: a TransferOp's record, a Packet (caller releases) or a PipelineAck. */
    public Object receive(Duration timeout) throws IOException {
        Object next;
        try {
            next = inbound.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted waiting for DataNode " + address, e);
        }
        if (next == null) {
            throw new IOException("DataNode " + address + " did not answer within " + timeout.toMillis() + " ms");
        }
        if (next == CLOSED) {
            inbound.offer(CLOSED);
            Throwable cause = failure;
            throw new IOException("DataNode " + address + " closed the connection" + (cause == null ? "" : ": " + cause), cause);
        }
        return next instanceof TransferOp op ? op.message() : next;
    }

    /** Receives a record of the given type, failing on anything else. */
    public <T> T receive(Class<T> type, Duration timeout) throws IOException {
        Object message = receive(timeout);
        if (!type.isInstance(message)) {
            ReferenceCountUtil.release(message);
            throw new IOException("DataNode " + address + " answered with " + message + ", expected " + type.getSimpleName());
        }
        return type.cast(message);
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        Object left;
        while ((left = inbound.poll()) != null) {
            ReferenceCountUtil.release(left);
        }
    }

    private static final class Holder {
        volatile TransferConnection connection;
    }

    private static final class QueueHandler extends ChannelInboundHandlerAdapter {
        private final BlockingQueue<Object> inbound;
        private final Holder holder;

        QueueHandler(BlockingQueue<Object> inbound, Holder holder) {
            this.inbound = inbound;
            this.holder = holder;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            inbound.add(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inbound.add(CLOSED);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            TransferConnection connection = holder.connection;
            if (connection != null) {
                connection.failure = cause;
            }
            ctx.close();
        }
    }
}
