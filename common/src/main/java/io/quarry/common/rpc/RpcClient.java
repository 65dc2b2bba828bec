package io.quarry.common.rpc;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.quarry.common.codec.KryoCodec;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Calls {@link RpcServer}s. One connection per server address, shared by all threads; calls are
 * matched to answers by call id. {@link #call} retries with backoff when a retry is safe: always
 * for {@link Idempotent} requests on retriable errors, and for any request the server refused
 * before running it (no connection, safe mode, standby).
 */
public final class RpcClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);

    private final String name;
    private final String clientId;
    private final String user;
    private final Duration timeout;
    private final int connectTimeoutMillis;
    private final RetryPolicy retryPolicy;
    private final int maxFrameSize;
    private final KryoCodec codec;
    private final EventLoopGroup group;
    private final Map<HostAndPort, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicLong nextCallId = new AtomicLong(1);

    public RpcClient(String name, Configuration conf) {
        this.name = requireNonNull(name, "name is null");
        this.clientId = name + "-" + UUID.randomUUID();
        this.user = CommonConfigKeys.currentUser(conf);
        this.timeout = conf.getDuration(CommonConfigKeys.RPC_TIMEOUT);
        this.connectTimeoutMillis = Math.toIntExact(conf.getDuration(CommonConfigKeys.RPC_CONNECT_TIMEOUT).toMillis());
        this.retryPolicy = new RetryPolicy(conf.getInt(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS),
                conf.getDuration(CommonConfigKeys.RPC_RETRY_INITIAL_BACKOFF), conf.getDuration(CommonConfigKeys.RPC_RETRY_MAX_BACKOFF));
        this.maxFrameSize = Math.toIntExact(conf.getSize(CommonConfigKeys.RPC_MAX_FRAME_SIZE));
        this.codec = KryoCodec.shared();
        this.group = new NioEventLoopGroup(1, Threads.named(name + "-rpc-client-%d"));
    }

    /** Identifies this client to servers (leases, retry caches). */
    public String clientId() {
        return clientId;
    }

    public String user() {
        return user;
    }

    /** Calls with the configured timeout and retry policy and returns the reply body. */
    public <T> T call(HostAndPort address, Object request, Class<T> replyType) throws QuarryException {
        return call(address, request, replyType, timeout, retryPolicy);
    }

    public <T> T call(HostAndPort address, Object request, Class<T> replyType, Duration callTimeout, RetryPolicy retries)
            throws QuarryException {
        long callId = nextCallId.getAndIncrement();
        for (int attempt = 1; ; attempt++) {
            try {
                Object reply = await(send(address, callId, request, callTimeout), address, request);
                if (!replyType.isInstance(reply)) {
                    throw new QuarryException(ErrorCode.PROTOCOL_ERROR, address + " answered " + request.getClass().getSimpleName()
                            + " with " + (reply == null ? "null" : reply.getClass().getSimpleName()) + ", expected " + replyType.getSimpleName());
                }
                return replyType.cast(reply);
            } catch (QuarryException e) {
                if (attempt >= retries.maxAttempts() || !mayRetry(request, e)) {
                    throw e;
                }
                Duration wait = retries.backoff(attempt);
                LOG.debug("{}: {} to {} failed (attempt {}): {}; retrying in {} ms", name,
                        request.getClass().getSimpleName(), address, attempt, e.getMessage(), wait.toMillis());
                pause(wait);
            }
        }
    }

    /** Sends one attempt; the future completes with the reply body or a {@link QuarryException}. */
    public CompletableFuture<Object> callAsync(HostAndPort address, Object request) {
        return send(address, nextCallId.getAndIncrement(), request, timeout);
    }

    private static boolean mayRetry(Object request, QuarryException e) {
        if (e instanceof NotSentException) {
            return true;
        }
        if (e.code() == ErrorCode.SAFE_MODE || e.code() == ErrorCode.STANDBY) {
            return true;
        }
        return request instanceof Idempotent && e.isRetriable();
    }

    private CompletableFuture<Object> send(HostAndPort address, long callId, Object request, Duration callTimeout) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Connection connection;
        try {
            connection = connection(address);
        } catch (NotSentException e) {
            result.completeExceptionally(e);
            return result;
        }
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, callTimeout.toMillis()));
        connection.pending.put(callId, result);
        connection.channel.eventLoop().schedule(() -> {
            if (connection.pending.remove(callId) != null) {
                result.completeExceptionally(new QuarryException(ErrorCode.TIMEOUT, "No answer from " + address + " to "
                        + request.getClass().getSimpleName() + " within " + timeoutMillis + " ms"));
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        connection.channel.writeAndFlush(new RpcRequest(callId, clientId, user, timeoutMillis, request)).addListener(future -> {
            if (!future.isSuccess() && connection.pending.remove(callId) != null) {
                result.completeExceptionally(new QuarryException(ErrorCode.UNAVAILABLE, "Cannot send "
                        + request.getClass().getSimpleName() + " to " + address + ": " + future.cause(), future.cause()));
            }
        });
        return result;
    }

    private static Object await(CompletableFuture<Object> future, HostAndPort address, Object request) throws QuarryException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuarryException(ErrorCode.UNAVAILABLE, "Interrupted while calling " + address, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QuarryException quarry) {
                throw quarry;
            }
            throw new QuarryException(ErrorCode.INTERNAL, "Call " + request.getClass().getSimpleName() + " to " + address + " failed", e.getCause());
        }
    }

    private static void pause(Duration wait) throws QuarryException {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuarryException(ErrorCode.UNAVAILABLE, "Interrupted while waiting to retry", e);
        }
    }

    private Connection connection(HostAndPort address) throws NotSentException {
        Connection existing = connections.get(address);
        if (existing != null && existing.channel.isActive()) {
            return existing;
        }
        synchronized (connections) {
            existing = connections.get(address);
            if (existing != null && existing.channel.isActive()) {
                return existing;
            }
            Connection fresh = connect(address);
            connections.put(address, fresh);
            return fresh;
        }
    }

    private Connection connect(HostAndPort address) throws NotSentException {
        Connection connection = new Connection(address);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("frameDecoder", RpcFrameCodec.frameDecoder(maxFrameSize))
                                .addLast("framePrepender", RpcFrameCodec.framePrepender())
                                .addLast("codec", new RpcFrameCodec(codec))
                                .addLast("handler", new ReplyHandler(connection));
                    }
                });
        ChannelFuture future = bootstrap.connect(address.toSocketAddress()).awaitUninterruptibly();
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            String reason = cause instanceof ConnectException ? "connection refused" : String.valueOf(cause);
            throw new NotSentException("Cannot connect to " + address + ": " + reason, cause);
        }
        connection.channel = future.channel();
        return connection;
    }

    @Override
    public void close() {
        for (Connection connection : connections.values()) {
            connection.channel.close();
        }
        connections.clear();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The request never left this process, so any request may be retried. */
    private static final class NotSentException extends QuarryException {
        NotSentException(String message, Throwable cause) {
            super(ErrorCode.UNAVAILABLE, message, cause);
        }
    }

    private static final class Connection {
        final HostAndPort address;
        final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
        volatile Channel channel;

        Connection(HostAndPort address) {
            this.address = address;
        }

        void failAll(QuarryException error) {
            for (Long callId : pending.keySet()) {
                CompletableFuture<Object> future = pending.remove(callId);
                if (future != null) {
                    future.completeExceptionally(error);
                }
            }
        }
    }

    private final class ReplyHandler extends SimpleChannelInboundHandler<Object> {
        private final Connection connection;

        ReplyHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (!(message instanceof RpcResponse response)) {
                LOG.warn("{}: unexpected {} from {}; closing", name, message.getClass().getSimpleName(), connection.address);
                ctx.close();
                return;
            }
            if (response.callId() == -1 && response.error() != null) {
                connection.failAll(response.error().toException());
                ctx.close();
                return;
            }
            CompletableFuture<Object> future = connection.pending.remove(response.callId());
            if (future == null) {
                return; // timed out already
            }
            if (response.error() != null) {
                future.completeExceptionally(response.error().toException());
            } else {
                future.complete(response.body());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.remove(connection.address, connection);
            connection.failAll(new QuarryException(ErrorCode.UNAVAILABLE, "Connection to " + connection.address + " closed"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{}: connection to {} failed", name, connection.address, cause);
            ctx.close();
        }
    }
}
