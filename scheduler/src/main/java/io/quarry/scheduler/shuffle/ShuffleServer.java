package io.quarry.scheduler.shuffle;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.NettyTransport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A Worker's shuffle server: serves the map outputs in a {@link MapOutputRegistry} to reducers on
 * other nodes, zero-copy (see {@link ShuffleProtocol} for the wire format). The pipeline of each
 * connection is a request frame decoder with a hard maximum, the request decoder, an idle timer
 * and one {@link ShuffleServerHandler}. Index reads and file opens run on the server's own disk
 * threads, never on the event loop.
 */
public final class ShuffleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShuffleServer.class);

    private final String name;
    private final MapOutputRegistry registry;
    private final ShuffleServerSettings settings;
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicInteger connectionsOpen = new AtomicInteger();
    private Channel serverChannel;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ExecutorService diskExecutor;

    /**
     * @param name names this server (the Worker) in logs and in the error messages reducers receive
     */
    public ShuffleServer(String name, MapOutputRegistry registry, Configuration conf) {
        this.name = requireNonNull(name, "name is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.settings = ShuffleServerSettings.from(requireNonNull(conf, "conf is null"));
    }

    /**
     * Binds to {@code bindHost:port} (port 0 picks a free one; the Worker passes
     * {@link ShuffleConfigKeys#PORT}) and starts serving.
     *
     * @return the bound address
     * @throws QuarryException with {@link ErrorCode#UNAVAILABLE} when the port cannot be bound
     */
    public synchronized HostAndPort start(String bindHost, int port) throws QuarryException {
        if (serverChannel != null) {
            throw new IllegalStateException(name + ": shuffle server already started on " + address());
        }
        HostAndPort bindAddress = new HostAndPort(bindHost, port);
        bossGroup = NettyTransport.newGroup(1, Threads.named(name + "-shuffle-accept-%d"));
        workerGroup = NettyTransport.newGroup(settings.ioThreads(), Threads.named(name + "-shuffle-io-%d"));
        diskExecutor = Executors.newFixedThreadPool(settings.diskThreads(), Threads.named(name + "-shuffle-disk-%d"));
        PartitionOpener opener = new PartitionOpener(name, registry);
        long idleMillis = settings.idleTimeout().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NettyTransport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connectionsAccepted.incrementAndGet();
                        connectionsOpen.incrementAndGet();
                        channel.closeFuture().addListener(closed -> connectionsOpen.decrementAndGet());
                        channel.pipeline()
                                .addLast("frameDecoder", ShuffleProtocol.requestFrameDecoder())
                                .addLast("requestDecoder", new ShuffleRequestDecoder());
                        if (idleMillis > 0) {
                            channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
                        }
                        channel.pipeline().addLast("handler", new ShuffleServerHandler(name, opener, diskExecutor));
                    }
                });
        try {
            serverChannel = bootstrap.bind(bindAddress.toSocketAddress()).syncUninterruptibly().channel();
        } catch (Exception e) { // sync rethrows the bind failure (a checked BindException) as is
            stopThreads();
            throw new QuarryException(ErrorCode.UNAVAILABLE, name + ": cannot bind the shuffle server to " + bindAddress + ": "
                    + e.getMessage(), e);
        }
        HostAndPort bound = address();
        LOG.info("{}: shuffle server listening on {} ({})", name, bound, NettyTransport.name());
        return bound;
    }

    /**
     * The bound address; the real port when 0 was asked for. Bound to a wildcard address, the
     * Worker advertises its own host name with this port.
     */
    public synchronized HostAndPort address() {
        if (serverChannel == null) {
            throw new IllegalStateException(name + ": shuffle server not started");
        }
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        return new HostAndPort(local.getAddress().getHostAddress(), local.getPort());
    }

    /** Connections accepted since start, for status pages and tests. */
    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** Connections open now. */
    public int connectionsOpen() {
        return connectionsOpen.get();
    }

    /** Stops accepting, closes every connection (transfers in progress fail on the reducers' side) and stops its threads. */
    @Override
    public synchronized void close() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        stopThreads();
        serverChannel = null;
        LOG.info("{}: shuffle server stopped", name);
    }

    private void stopThreads() {
        if (diskExecutor != null) {
            diskExecutor.shutdownNow();
        }
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (diskExecutor != null) {
            try {
                diskExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
