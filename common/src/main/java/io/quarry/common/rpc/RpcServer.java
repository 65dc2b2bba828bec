package io.quarry.common.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.TooLongFrameException;
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

    private final String name;
    private final RpcService service;
    private final Clock clock;
    private final int maxFrameSize;
    private final KryoCodec codec;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ExecutorService handlers;
    private final Channel serverChannel;

    private RpcServer(String name, HostAndPort bindAddress, RpcService service, Configuration conf, Clock clock) throws QuarryException {
        this.name = requireNonNull(name, "name is null");
        this.service = requireNonNull(service, "service is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxFrameSize = Math.toIntExact(conf.getSize(CommonConfigKeys.RPC_MAX_FRAME_SIZE));
        this.codec = KryoCodec.shared();
        this.bossGroup = new NioEventLoopGroup(1, Threads.named(name + "-rpc-accept-%d"));
        this.workerGroup = new NioEventLoopGroup(2, Threads.named(name + "-rpc-io-%d"));
        this.handlers = Executors.newFixedThreadPool(conf.getInt(CommonConfigKeys.RPC_SERVER_HANDLERS),
                Threads.named(name + "-rpc-handler-%d"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("frameDecoder", RpcFrameCodec.frameDecoder(maxFrameSize))
                                .addLast("framePrepender", RpcFrameCodec.framePrepender())
                                .addLast("codec", new RpcFrameCodec(codec, maxFrameSize))
                                .addLast("handler", new CallHandler());
                    }
                });
        try {
            this.serverChannel = bootstrap.bind(bindAddress.toSocketAddress()).syncUninterruptibly().channel();
        } catch (Exception e) { // sync() rethrows the bind failure (a checked BindException) as is
            handlers.shutdownNow();
            shutdownGroups();
            throw new QuarryException(ErrorCode.UNAVAILABLE, name + ": cannot bind RPC server to " + bindAddress + ": " + e.getMessage(), e);
        }
        LOG.info("{}: RPC server listening on {}", name, address());
    }

    public static RpcServer start(String name, HostAndPort bindAddress, RpcService service, Configuration conf, Clock clock)
            throws QuarryException {
        return new RpcServer(name, bindAddress, service, conf, clock);
    }

    /** The bound address; the port is the real one when 0 was asked for. */
    public HostAndPort address() {
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        return new HostAndPort(local.getAddress().getHostAddress(), local.getPort());
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        handlers.shutdownNow();
        shutdownGroups();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("{}: RPC server stopped", name);
    }

    private void shutdownGroups() {
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class CallHandler extends SimpleChannelInboundHandler<Object> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (!(message instanceof RpcRequest request)) {
                failAndClose(ctx, "expected an RpcRequest, got " + message.getClass().getSimpleName());
                return;
            }
            long deadline = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.timeoutMillis());
            CallContext context = new CallContext(request.clientId(), request.callId(), request.user(),
                    ctx.channel().remoteAddress(), deadline);
            try {
                handlers.execute(() -> dispatch(ctx, context, request));
            } catch (RejectedExecutionException e) {
                reply(ctx, RpcResponse.failure(request.callId(), RpcError.of(ErrorCode.UNAVAILABLE, name + " is shutting down")));
            }
        }

        private void dispatch(ChannelHandlerContext ctx, CallContext context, RpcRequest request) {
            if (clock.nanoTime() > context.deadlineNanos()) {
                LOG.debug("{}: dropping call {} from {}: deadline passed before it ran", name, request.callId(), context.remoteAddress());
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
                reply(ctx, RpcResponse.failure(request.callId(), toError(request, e)));
                return;
            }
            result.whenComplete((body, failure) -> {
                if (failure == null) {
                    reply(ctx, RpcResponse.success(request.callId(), body == null ? Ack.INSTANCE : body));
                } else {
                    reply(ctx, RpcResponse.failure(request.callId(), toError(request, failure)));
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

        private void reply(ChannelHandlerContext ctx, RpcResponse response) {
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(response).addListener(future -> {
                    if (future.isSuccess()) {
                        return;
                    }
                    if (future.cause() instanceof EncoderException && response.error() == null) {
                        // The reply cannot go on the wire (unregistered class, too large): say so instead of going silent.
                        String problem = future.cause().getCause() != null ? future.cause().getCause().getMessage() : future.cause().getMessage();
                        LOG.error("{}: cannot send the answer to call {} from {}: {}", name, response.callId(),
                                ctx.channel().remoteAddress(), problem);
                        reply(ctx, RpcResponse.failure(response.callId(), RpcError.of(ErrorCode.INTERNAL,
                                name + ": cannot send the answer: " + problem)));
                    } else {
                        LOG.debug("{}: could not send reply to {}", name, ctx.channel().remoteAddress(), future.cause());
                    }
                });
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
