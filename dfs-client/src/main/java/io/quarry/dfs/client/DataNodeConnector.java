package io.quarry.dfs.client;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.protocol.transfer.TransferFrameDecoder;
import io.quarry.dfs.protocol.transfer.TransferFrames;

/** Opens data transfer connections to DataNodes on one event loop group that it owns. */
final class DataNodeConnector implements AutoCloseable {
    private final EventLoopGroup group;
    private final int connectTimeoutMillis;

    DataNodeConnector(String name, int connectTimeoutMillis) {
        this.group = NettyTransport.newGroup(2, Threads.named(name + "-transfer-%d"));
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * Connects and installs the transfer pipeline; reading starts when the caller turns on auto-read.
     * Block writes use these connections; block reads use a {@link BlockSocket} on the reading thread.
     */
    TransferConnection connect(HostAndPort address, TransferConnection.Listener listener) throws IOException {
        TransferConnection connection = new TransferConnection(address, listener);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NettyTransport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.SO_SNDBUF, 1 << 20)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("frameDecoder", TransferFrames.frameDecoder())
                                .addLast("decoder", new TransferFrameDecoder())
                                .addLast("handler", connection.handler());
                    }
                });
        ChannelFuture future = bootstrap.connect(address.toSocketAddress());
        if (!future.awaitUninterruptibly(connectTimeoutMillis + 1000L, TimeUnit.MILLISECONDS)) {
            future.cancel(false);
            throw new IOException(address + ": connect timed out after " + connectTimeoutMillis + " ms");
        }
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            String reason = cause instanceof ConnectException ? "connection refused" : String.valueOf(cause);
            throw new IOException(address + ": " + reason, cause);
        }
        connection.attach(future.channel());
        return connection;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
