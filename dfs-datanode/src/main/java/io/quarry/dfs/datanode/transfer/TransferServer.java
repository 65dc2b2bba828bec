package io.quarry.dfs.datanode.transfer;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.protocol.transfer.TransferFrameDecoder;
import io.quarry.dfs.protocol.transfer.TransferFrames;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** The DataNode's data transfer port: frame decoder → transfer frame decoder → {@link TransferHandler}. */
public final class TransferServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransferServer.class);

    private final EventLoopGroup bossGroup;
    private final Channel serverChannel;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    private TransferServer(HostAndPort bindAddress, TransferContext context, EventLoopGroup workers) throws QuarryException {
        requireNonNull(context, "context is null");
        this.bossGroup = NettyTransport.newGroup(1, Threads.named(context.name() + "-transfer-accept-%d"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workers)
                .channel(NettyTransport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(4096, 128 * 1024, 1024 * 1024))
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline()
                                .addLast(TransferFrames.frameDecoder())
                                .addLast(new TransferFrameDecoder())
                                .addLast(new TransferHandler(context));
                    }
                });
        try {
            this.serverChannel = bootstrap.bind(bindAddress.toSocketAddress()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new QuarryException(ErrorCode.UNAVAILABLE, context.name() + ": cannot bind the transfer server to " + bindAddress
                    + ": " + e.getMessage(), e);
        }
        LOG.info("{}: transfer server listening on {}", context.name(), address());
    }

    public static TransferServer start(HostAndPort bindAddress, TransferContext context, EventLoopGroup workers) throws QuarryException {
        return new TransferServer(bindAddress, context, workers);
    }

    public HostAndPort address() {
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        return new HostAndPort(local.getAddress().getHostAddress(), local.getPort());
    }

    /** Stops accepting and closes every open transfer connection. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
