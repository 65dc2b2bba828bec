package io.quarry.scheduler.shuffle;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.mapreduce.runtime.FetchedSegment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Fetches map output partitions from shuffle servers. Connections are pooled per server, so
 * consecutive fetches from one Worker share a connection; concurrent fetches each get their own.
 * One client can serve every reduce attempt of a Worker. Thread-safe.
 */
public final class ShuffleClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShuffleClient.class);

    /** The most one socket read delivers, so a fetch may buffer this much past its limit. */
    static final int MAX_READ_BYTES = 512 * 1024;

    private final String name;
    private final ShuffleClientSettings settings;
    private final EventLoopGroup group;
    private final ShuffleConnectionPool pool;

    /**
     * @param name names the owner (the Worker or the reduce attempt) in thread names and logs
     */
    public ShuffleClient(String name, Configuration conf) {
        this.name = requireNonNull(name, "name is null");
        this.settings = ShuffleClientSettings.from(requireNonNull(conf, "conf is null"));
        this.group = NettyTransport.newGroup(settings.ioThreads(), Threads.named(name + "-shuffle-fetch-%d"));
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NettyTransport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                // Reads of up to 512 KiB while a segment streams: fewer hand-offs to the reader than Netty's 64 KiB default.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(4096, 64 * 1024, MAX_READ_BYTES))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("decoder", new ShuffleResponseDecoder())
                                .addLast("handler", new FetchHandler());
                    }
                });
        this.pool = new ShuffleConnectionPool(bootstrap, settings.maxIdleConnections(), settings.connectTimeout().toMillis());
    }

    /**
     * Fetches one partition of one map's output. The returned stream yields exactly the stored
     * bytes; reading it fails with a {@link FetchFailedException} if the transfer breaks or stalls.
     *
     * @param mapIndex names the map in the segment and in errors
     * @throws FetchFailedException when the server cannot be reached, answers with an error or does not answer in time
     */
    public FetchedSegment fetch(MapOutputLocation location, int mapIndex, int partition) throws FetchFailedException,
            InterruptedException {
        requireNonNull(location, "location is null");
        ShuffleRequest request = new ShuffleRequest(location.mapAttempt(), partition);
        SegmentStream.FailureFactory failures = (status, detail, cause) ->
                new FetchFailedException(mapIndex, partition, location.server(), location.mapAttempt(), status, detail, cause);
        boolean allowReuse = true;
        while (true) {
            ShuffleConnectionPool.Lease lease;
            try {
                lease = pool.acquire(location.server(), allowReuse);
            } catch (IOException e) {
                throw failures.failure(null, e.getMessage(), e);
            }
            SegmentStream stream = send(lease.channel(), location.server(), request, failures);
            ShuffleHeader header;
            try {
                header = stream.awaitHeader();
            } catch (FetchFailedException e) {
                if (lease.reused() && stream.failedBeforeHeader()) {
                    // The server may have closed the idle connection just as it was reused: one fresh try.
                    LOG.debug("{}: retrying {} from {} on a new connection: {}", name, request, location.server(), e.getMessage());
                    allowReuse = false;
                    continue;
                }
                throw e;
            }
            if (!header.isOk()) {
                throw failures.failure(header.status(), header.message(), null);
            }
            return new FetchedSegment(mapIndex, stream, header.storedLength(), header.rawLength(), header.codec());
        }
    }

    private SegmentStream send(Channel channel, HostAndPort server, ShuffleRequest request,
                               SegmentStream.FailureFactory failures) {
        SegmentStream stream = new SegmentStream(channel, failures, settings.readTimeout().toNanos(), settings.bufferBytes());
        channel.pipeline().get(FetchHandler.class).begin(stream, () -> pool.release(server, channel));
        channel.writeAndFlush(request.encode(channel.alloc())).addListener(written -> {
            if (!written.isSuccess()) {
                // The connection may have closed before this fetch began, so no close event will tell the stream.
                stream.onFailure("cannot send the request (" + written.cause() + ")", written.cause());
                channel.close();
            }
        });
        return stream;
    }

    /** Closes every connection (fetches in progress fail) and stops the client's threads. */
    @Override
    public void close() {
        pool.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
