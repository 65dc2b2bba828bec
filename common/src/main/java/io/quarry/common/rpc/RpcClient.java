package io.quarry.common.rpc;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
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
 * before running it (not sent, safe mode, standby).
 *
 * <p>Connections open without blocking, so {@link #callAsync} may be chained from the completion
 * of another call. Futures complete on the client's I/O thread: continuations must not block, and
 * {@link #call} must not be made from one (it would wait for the thread it runs on).
 */
public final class RpcClient implements AutoCloseable {
    /** How long a caller busy-waits for an answer before it parks. */
    private static final long SPIN_NANOS = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);
    /** Extra wait beyond the call timeout before {@link #call} gives up on a future that never completed. */
    private static final long AWAIT_SLACK_MILLIS = 5_000;

    private final String name;
    private final String clientId;
    private final String user;
    private final Duration timeout;
    private final int connectTimeoutMillis;
    private final RetryPolicy retryPolicy;
    private final int maxFrameSize;
    private final long idleTimeoutMillis;
    private final KryoCodec codec;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Map<HostAndPort, RpcConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong nextCallId = new AtomicLong(1);
    private volatile boolean closed;

    public RpcClient(String name, Configuration conf) {
        this.name = requireNonNull(name, "name is null");
        this.clientId = name + "-" + UUID.randomUUID();
        this.user = CommonConfigKeys.currentUser(conf);
        this.timeout = conf.getDuration(CommonConfigKeys.RPC_TIMEOUT);
        this.connectTimeoutMillis = Math.toIntExact(conf.getDuration(CommonConfigKeys.RPC_CONNECT_TIMEOUT).toMillis());
        this.retryPolicy = new RetryPolicy(conf.getInt(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS),
                conf.getDuration(CommonConfigKeys.RPC_RETRY_INITIAL_BACKOFF), conf.getDuration(CommonConfigKeys.RPC_RETRY_MAX_BACKOFF));
        this.maxFrameSize = Math.toIntExact(conf.getSize(CommonConfigKeys.RPC_MAX_FRAME_SIZE));
        this.idleTimeoutMillis = conf.getDuration(CommonConfigKeys.RPC_CLIENT_IDLE_TIMEOUT).toMillis();
        this.codec = KryoCodec.shared();
        this.group = NettyTransport.newGroup(1, Threads.named(name + "-rpc-client-%d"));
        this.loop = group.next();
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
        return call(address, newCallId(), request, replyType, callTimeout, retries);
    }

    /** A fresh call id, for a caller that sends one call to several servers in turn (failover) under the same id. */
    public long newCallId() {
        return nextCallId.getAndIncrement();
    }

    /**
     * Calls under a call id from {@link #newCallId()}: a server that keeps a retry cache answers a
     * call it already ran with its first answer, even when the retry reaches it through another
     * connection.
     */
    public <T> T call(HostAndPort address, long callId, Object request, Class<T> replyType, Duration callTimeout,
                      RetryPolicy retries) throws QuarryException {
        requireNonNull(request, "request is null");
        if (loop.inEventLoop()) {
            throw new IllegalStateException(name + ": blocking call of " + request.getClass().getSimpleName()
                    + " from the RPC client's own I/O thread would never complete; use callAsync");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Object reply = await(send(address, callId, request, callTimeout), address, request, callTimeout);
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
        requireNonNull(request, "request is null");
        return send(address, nextCallId.getAndIncrement(), request, timeout);
    }

    private boolean mayRetry(Object request, QuarryException e) {
        if (closed || e instanceof ClientClosedException) {
            return false;
        }
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
        if (closed) {
            result.completeExceptionally(closedError());
            return result;
        }
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, callTimeout.toMillis()));
        sendOn(address, new RpcRequest(callId, clientId, user, timeoutMillis, request), result, true);
        return result;
    }

    /** Sends on the address's connection; {@code mayResend} allows one resend when that connection was just retired as idle. */
    private void sendOn(HostAndPort address, RpcRequest request, CompletableFuture<Object> result, boolean mayResend) {
        RpcConnection connection;
        try {
            connection = connection(address);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closedError());
            return;
        }
        connection.ready.whenComplete((channel, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                write(connection, channel, request, result, mayResend);
            }
        });
    }

    private void write(RpcConnection connection, Channel channel, RpcRequest request, CompletableFuture<Object> result,
                       boolean mayResend) {
        long callId = request.callId();
        String what = request.body().getClass().getSimpleName();
        connection.pending.put(callId, result);
        ScheduledFuture<?> timer;
        try {
            timer = channel.eventLoop().schedule(() -> {
                // Remove only this attempt: a retry of the same call may already be waiting under the same id.
                if (connection.pending.remove(callId, result)) {
                    result.completeExceptionally(new QuarryException(ErrorCode.TIMEOUT, "No answer from " + connection.address
                            + " to " + what + " within " + request.timeoutMillis() + " ms"));
                }
            }, request.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            connection.pending.remove(callId, result);
            result.completeExceptionally(closedError());
            return;
        }
        result.whenComplete((body, failure) -> {
            // However the call ended (answer, error, timeout, cancellation), drop its timer and its slot.
            timer.cancel(false);
            connection.pending.remove(callId, result);
        });
        channel.writeAndFlush(request).addListener(future -> {
            if (future.isSuccess() || !connection.pending.remove(callId, result)) {
                return;
            }
            if (connection.retired && mayResend && !closed && !(future.cause() instanceof EncoderException)) {
                // The connection was closed as idle just before this write: nothing was sent, use a new one.
                timer.cancel(false);
                sendOn(connection.address, request, result, false);
            } else {
                result.completeExceptionally(sendFailure(connection.address, what, future.cause()));
            }
        });
    }

    private QuarryException sendFailure(HostAndPort address, String what, Throwable cause) {
        if (cause instanceof EncoderException) {
            Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
            return new QuarryException(ErrorCode.INTERNAL, name + ": cannot send " + what + " to " + address + ": " + reason.getMessage(), cause);
        }
        if (closed) {
            return closedError();
        }
        // A write that failed left at most part of a frame, which the server never runs.
        String reason = cause instanceof ClosedChannelException ? "connection closed" : String.valueOf(cause);
        return new NotSentException("Cannot send " + what + " to " + address + ": " + reason, cause);
    }

    private Object await(CompletableFuture<Object> future, HostAndPort address, Object request, Duration callTimeout)
            throws QuarryException {
        long limit = callTimeout.toMillis() + connectTimeoutMillis + AWAIT_SLACK_MILLIS;
        try {
            spinBriefly(future);
            return future.get(limit, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new ClientClosedException("Interrupted while calling " + address);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new QuarryException(ErrorCode.TIMEOUT, name + ": call " + request.getClass().getSimpleName() + " to " + address
                    + " did not complete within " + limit + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QuarryException quarry) {
                throw quarry;
            }
            throw new QuarryException(ErrorCode.INTERNAL, "Call " + request.getClass().getSimpleName() + " to " + address + " failed", e.getCause());
        }
    }

    /**
     * Most answers from a nearby server arrive within tens of microseconds; waiting for them
     * without parking saves the wake-up of a sleeping thread, which dominates a round trip on
     * virtual machines.
     */
    private static void spinBriefly(CompletableFuture<Object> future) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void pause(Duration wait) throws QuarryException {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientClosedException("Interrupted while waiting to retry");
        }
    }

    /** The open (or opening) connection to the address; starts a new one when there is none or it broke. */
    private RpcConnection connection(HostAndPort address) {
        RpcConnection current = connections.get(address);
        if (current != null && current.usable()) {
            return current;
        }
        RpcConnection fresh = new RpcConnection(address);
        RpcConnection chosen = connections.compute(address, (key, existing) -> existing != null && existing.usable() ? existing : fresh);
        if (chosen == fresh) {
            // Outside compute(): a connect that fails at once calls back into the map.
            connect(fresh);
        }
        return chosen;
    }

    private void connect(RpcConnection connection) {
        HostAndPort address = connection.address;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NettyTransport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("frameDecoder", RpcFrameCodec.frameDecoder(maxFrameSize))
                                .addLast("framePrepender", RpcFrameCodec.framePrepender())
                                .addLast("codec", new RpcFrameCodec(codec, maxFrameSize));
                        if (idleTimeoutMillis > 0) {
                            channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleTimeoutMillis, TimeUnit.MILLISECONDS));
                        }
                        channel.pipeline().addLast("handler", new ReplyHandler(connection));
                    }
                });
        ChannelFuture future = bootstrap.connect(address.toSocketAddress());
        future.addListener(done -> {
            if (done.isSuccess()) {
                connection.ready.complete(future.channel());
                return;
            }
            connections.remove(address, connection);
            Throwable cause = done.cause();
            if (closed || cause instanceof RejectedExecutionException) {
                connection.ready.completeExceptionally(closedError());
            } else {
                String reason = cause instanceof ConnectException ? "connection refused" : String.valueOf(cause);
                connection.ready.completeExceptionally(new NotSentException("Cannot connect to " + address + ": " + reason, cause));
            }
        });
    }

    /** How many connections are open or opening (for tests). */
    int openConnections() {
        return connections.size();
    }

    /** Closes every connection; calls still waiting fail with {@link ErrorCode#UNAVAILABLE} and are not retried. */
    @Override
    public void close() {
        closed = true;
        for (RpcConnection connection : connections.values()) {
            connection.failAll(closedError());
            connection.ready.thenAccept(Channel::close);
        }
        connections.clear();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ClientClosedException closedError() {
        return new ClientClosedException("RPC client " + name + " is closed");
    }

    private final class ReplyHandler extends SimpleChannelInboundHandler<Object> {
        private final RpcConnection connection;

        ReplyHandler(RpcConnection connection) {
            this.connection = connection;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (!(message instanceof RpcResponse response)) {
                LOG.warn("{}: unexpected {} from {}; closing", name, message == null ? "null" : message.getClass().getSimpleName(),
                        connection.address);
                ctx.close();
                return;
            }
            if (response.callId() == -1 && response.error() != null) {
                LOG.warn("{}: {} refused the connection: {}", name, connection.address, response.error().message());
                connection.failAll(response.error().toException());
                ctx.close();
                return;
            }
            CompletableFuture<Object> future = connection.pending.remove(response.callId());
            if (future == null) {
                LOG.debug("{}: dropping answer to call {} from {}: it timed out", name, response.callId(), connection.address);
                return;
            }
            if (response.error() != null) {
                future.completeExceptionally(response.error().toException());
            } else {
                future.complete(response.body());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && connection.pending.isEmpty()) {
                // A call racing with this has its write queued behind us: it fails unsent and is resent on a new connection.
                connection.retired = true;
                connections.remove(connection.address, connection);
                LOG.debug("{}: closing idle connection to {}", name, connection.address);
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.remove(connection.address, connection);
            if (connection.retired && !closed) {
                return; // closed as idle: calls that raced in fail their write and are resent (see write)
            }
            connection.failAll(closed ? closedError()
                    : new QuarryException(ErrorCode.UNAVAILABLE, "Connection to " + connection.address + " closed"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{}: connection to {} failed", name, connection.address, cause);
            ctx.close();
        }
    }
}
