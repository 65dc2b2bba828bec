package io.quarry.scheduler.shuffle;

import java.io.IOException;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.quarry.common.net.HostAndPort;

import static java.util.Objects.requireNonNull;

/**
 * A reducer's connections to shuffle servers, kept open between fetches: a fetch takes an idle
 * connection to its server or opens one, and gives it back once the response has fully arrived.
 * Connections the server closed meanwhile are dropped when found. Thread-safe.
 */
final class ShuffleConnectionPool implements AutoCloseable {
    /** A connection and whether it served an earlier fetch (and so may have gone stale). */
    record Lease(Channel channel, boolean reused) {
    }

    private final Bootstrap bootstrap;
    private final int maxIdlePerServer;
    private final long connectTimeoutMillis;
    private final Map<HostAndPort, Deque<Channel>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ShuffleConnectionPool(Bootstrap bootstrap, int maxIdlePerServer, long connectTimeoutMillis) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
        this.maxIdlePerServer = maxIdlePerServer;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    Lease acquire(HostAndPort server, boolean allowReuse) throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("shuffle client is closed");
        }
        if (allowReuse) {
            Deque<Channel> channels = idle.get(server);
            Channel channel;
            while (channels != null && (channel = channels.pollFirst()) != null) {
                if (channel.isActive()) {
                    return new Lease(channel, true);
                }
                channel.close();
            }
        }
        ChannelFuture connect = bootstrap.connect(server.toSocketAddress());
        // The connect timeout option fails the future; the extra wait only guards against a lost completion.
        boolean done;
        try {
            done = connect.await(connectTimeoutMillis + 1000);
        } catch (InterruptedException e) {
            connect.channel().close();
            throw e;
        }
        if (!done) {
            connect.channel().close();
            throw new IOException("cannot connect within " + connectTimeoutMillis + " ms");
        }
        if (!connect.isSuccess()) {
            Throwable cause = connect.cause();
            throw new IOException("cannot connect (" + cause.getMessage() + ")", cause);
        }
        return new Lease(connect.channel(), false);
    }

    /** Gives back a connection whose last response has fully arrived. */
    void release(HostAndPort server, Channel channel) {
        if (closed || !channel.isActive()) {
            channel.close();
            return;
        }
        Deque<Channel> channels = idle.computeIfAbsent(server, s -> new ConcurrentLinkedDeque<>());
        channels.offerFirst(channel);
        while (channels.size() > maxIdlePerServer) {
            Channel extra = channels.pollLast();
            if (extra == null) {
                break;
            }
            extra.close();
        }
        if (closed) { // close() may have run between the check and the offer
            closeIdle();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (Deque<Channel> channels : idle.values()) {
            Channel channel;
            while ((channel = channels.pollFirst()) != null) {
                channel.close();
            }
        }
    }
}
