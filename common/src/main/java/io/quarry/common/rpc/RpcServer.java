package io.quarry.common.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.quarry.common.codec.CodecException;
import io.quarry.common.codec.KryoCodec;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Serves Kryo-encoded calls on one port. Frames over the maximum size and bytes that do not decode
 * into an {@link RpcRequest} get an error answer and the connection is closed; other connections
 * are not affected. Handlers run on the server's own executor, never on the event loop.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    /** Unanswered calls one connection may have; past this the server stops reading from it until half are answered. */
    static final int MAX_CALLS_IN_FLIGHT_PER_CONNECTION = 1024;

    private final String name;
    private final RpcService service;
    private final Clock clock;
    private final int maxFrameSize;
    private final long idleTimeoutMillis;
    private final KryoCodec codec;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    /** The server's own handler pool, or null when the service is dispatched on the event loop. */
    private final ExecutorService handlers;
    private final Executor dispatcher;
    private final Channel serverChannel;

    private RpcServer(String name, HostAndPort bindAddress, RpcService service, Configuration conf, Clock clock,
                      boolean dispatchOnEventLoop) throws QuarryException {
        this.name = requireNonNull(name, "name is null");
        this.service = requireNonNull(service, "service is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxFrameSize = Math.toIntExact(conf.getSize(CommonConfigKeys.RPC_MAX_FRAME_SIZE));
        this.idleTimeoutMillis = conf.getDuration(CommonConfigKeys.RPC_SERVER_IDLE_TIMEOUT).toMillis();
        this.codec = KryoCodec.shared();
        this.bossGroup = NettyTransport.newGroup(1, Threads.named(name + "-rpc-accept-%d"));
        this.workerGroup = NettyTransport.newGroup(2, Threads.named(name + "-rpc-io-%d"));
        this.handlers = dispatchOnEventLoop ? null : Executors.newFixedThreadPool(conf.getInt(CommonConfigKeys.RPC_SERVER_HANDLERS),
                Threads.named(name + "-rpc-handler-%d"));
        this.dispatcher = dispatchOnEventLoop ? Runnable::run : handlers;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NettyTransport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("frameDecoder", RpcFrameCodec.frameDecoder(maxFrameSize))
                                .addLast("framePrepender", RpcFrameCodec.framePrepender())
                                .addLast("codec", new RpcFrameCodec(codec, maxFrameSize));
                        if (idleTimeoutMillis > 0) {
                            channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleTimeoutMillis, TimeUnit.MILLISECONDS));
                        }
                        channel.pipeline().addLast("handler", new CallHandler());
                    }
                });
        try {
            this.serverChannel = bootstrap.bind(bindAddress.toSocketAddress()).syncUninterruptibly().channel();
        } catch (Exception e) { // sync() rethrows the bind failure (a checked BindException) as is
            shutdownHandlers();
            shutdownGroups();
            throw new QuarryException(ErrorCode.UNAVAILABLE, name + ": cannot bind RPC server to " + bindAddress + ": " + e.getMessage(), e);
        }
        LOG.info("{}: RPC server listening on {}", name, address());
    }

    public static RpcServer start(String name, HostAndPort bindAddress, RpcService service, Configuration conf, Clock clock)
            throws QuarryException {
        return new RpcServer(name, bindAddress, service, conf, clock, false);
    }

    /**
     * Starts a server whose service is called directly on the I/O thread that decoded the call,
     * saving a thread hand-off per call. Only for services that never block: typically those that
     * put the call on a queue of their own and answer later.
     */
    public static RpcServer startNonBlocking(String name, HostAndPort bindAddress, RpcService service, Configuration conf,
                                             Clock clock) throws QuarryException {
        return new RpcServer(name, bindAddress, service, conf, clock, true);
    }

    /** The bound address; the port is the real one when 0 was asked for. */
    public HostAndPort address() {
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        return new HostAndPort(local.getAddress().getHostAddress(), local.getPort());
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutdownHandlers();
        shutdownGroups();
        if (handlers != null) {
            try {
                handlers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("{}: RPC server stopped", name);
    }

    private void shutdownHandlers() {
        if (handlers != null) {
            handlers.shutdownNow();
        }
    }

    private void shutdownGroups() {
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class CallHandler extends SimpleChannelInboundHandler<Object> {
        /** Calls of this connection that have not been answered yet. */
        private final AtomicInteger inFlight = new AtomicInteger();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && inFlight.get() == 0) {
                LOG.debug("{}: closing connection from {}: idle for {} ms", name, ctx.channel().remoteAddress(), idleTimeoutMillis);
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (!(message instanceof RpcRequest request)) {
                failAndClose(ctx, "expected an RpcRequest, got " + message.getClass().getSimpleName());
                return;
            }
            long deadline = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.timeoutMillis());
            CallContext context = new CallContext(request.clientId(), request.callId(), request.user(),
                    ctx.channel().remoteAddress(), deadline);
            if (inFlight.incrementAndGet() >= MAX_CALLS_IN_FLIGHT_PER_CONNECTION) {
                // Backpressure: a client flooding calls waits in its socket, not in the handler queue.
                ctx.channel().config().setAutoRead(false);
            }
            try {
                dispatcher.execute(() -> dispatch(ctx, context, request));
            } catch (RejectedExecutionException e) {
                answer(ctx, RpcResponse.failure(request.callId(), RpcError.of(ErrorCode.UNAVAILABLE, name + " is shutting down")));
            }
        }

        private void dispatch(ChannelHandlerContext ctx, CallContext context, RpcRequest request) {
            if (clock.nanoTime() > context.deadlineNanos()) {
                LOG.debug("{}: dropping call {} from {}: deadline passed before it ran", name, request.callId(), context.remoteAddress());
                try {
                    ctx.executor().execute(() -> finished(ctx));
                } catch (RejectedExecutionException e) {
                    inFlight.decrementAndGet(); // shutting down: nothing left to resume
                }
                return;
            }
            CompletionStage<?> result;
            try {
                result = service.handle(context, request.body());
                if (result == null) {
                    throw new IllegalStateException(service.getClass().getName() + " returned no result stage");
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // Answer even when the service is broken, so the caller does not wait for its timeout.
                answer(ctx, RpcResponse.failure(request.callId(), toError(request, e)));
                return;
            }
            result.whenComplete((body, failure) -> {
                if (failure == null) {
                    answer(ctx, RpcResponse.success(request.callId(), body == null ? Ack.INSTANCE : body));
                } else {
                    answer(ctx, RpcResponse.failure(request.callId(), toError(request, failure)));
                }
            });
        }

        private RpcError toError(RpcRequest request, Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof QuarryException quarry) {
                return RpcError.of(quarry.code(), quarry.getMessage());
            }
            LOG.error("{}: internal error serving {} from client {}", name, request.body().getClass().getSimpleName(), request.clientId(), cause);
            return RpcError.of(ErrorCode.INTERNAL, name + ": internal error serving " + request.body().getClass().getSimpleName()
                    + ": " + cause);
        }

        /**
         * Sends the answer to a call and counts the call as finished once the answer is written, so an
         * idle check never closes the connection between the two.
         */
        private void answer(ChannelHandlerContext ctx, RpcResponse response) {
            if (!ctx.channel().isActive()) {
                inFlight.decrementAndGet();
                return;
            }
            ctx.writeAndFlush(response).addListener(future -> {
                try {
                    if (!future.isSuccess()) {
                        answerFailed(ctx, response, future.cause());
                    }
                } finally {
                    finished(ctx);
                }
            });
        }

        /** One call answered (or dropped); on the event loop, so reading resumes in order. */
        private void finished(ChannelHandlerContext ctx) {
            if (inFlight.decrementAndGet() <= MAX_CALLS_IN_FLIGHT_PER_CONNECTION / 2 && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        }

        private void answerFailed(ChannelHandlerContext ctx, RpcResponse response, Throwable cause) {
            if (cause instanceof EncoderException && response.error() == null && ctx.channel().isActive()) {
                // The reply cannot go on the wire (unregistered class, too large): say so instead of going silent.
                String problem = cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage();
                LOG.error("{}: cannot send the answer to call {} from {}: {}", name, response.callId(),
                        ctx.channel().remoteAddress(), problem);
                ctx.writeAndFlush(RpcResponse.failure(response.callId(), RpcError.of(ErrorCode.INTERNAL,
                        name + ": cannot send the answer: " + problem)));
            } else {
                LOG.debug("{}: could not send reply to {}", name, ctx.channel().remoteAddress(), cause);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                failAndClose(ctx, "frame exceeds the maximum of " + maxFrameSize + " bytes (" + cause.getMessage() + ")");
            } else if (cause instanceof DecoderException && cause.getCause() instanceof CodecException codecError) {
                failAndClose(ctx, codecError.getMessage());
            } else if (cause instanceof DecoderException) {
                failAndClose(ctx, "undecodable frame: " + cause.getMessage());
            } else {
                LOG.debug("{}: connection from {} failed", name, ctx.channel().remoteAddress(), cause);
                ctx.close();
            }
        }

        private void failAndClose(ChannelHandlerContext ctx, String problem) {
            LOG.warn("{}: protocol error from {}: {}; closing the connection", name, ctx.channel().remoteAddress(), problem);
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(RpcResponse.failure(-1, RpcError.of(ErrorCode.PROTOCOL_ERROR, name + ": " + problem)))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
