package io.quarry.common.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.metrics.MetricsRegistry;
import io.quarry.common.net.HostAndPort;

import static java.util.Objects.requireNonNull;

/**
 * A daemon's HTTP port: {@code /metrics} in Prometheus text format, {@code /status} as JSON and
 * {@code /} as a small HTML page with the same facts.
 */
public final class StatusServer implements AutoCloseable {
    private final String role;
    private final MetricsRegistry metrics;
    private final Supplier<Map<String, Object>> status;
    private final EventLoopGroup group;
    private final Channel channel;

    private StatusServer(String role, HostAndPort bindAddress, MetricsRegistry metrics, Supplier<Map<String, Object>> status)
            throws QuarryException {
        this.role = requireNonNull(role, "role is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.status = requireNonNull(status, "status is null");
        this.group = NettyTransport.newGroup(1, Threads.named(role + "-http-%d"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NettyTransport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(8192, 16384, 8192))
                                .addLast(new HttpObjectAggregator(64 * 1024))
                                .addLast(new Handler());
                    }
                });
        try {
            this.channel = bootstrap.bind(bindAddress.toSocketAddress()).syncUninterruptibly().channel();
        } catch (Exception e) { // sync() rethrows the bind failure (a checked BindException) as is
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw new QuarryException(ErrorCode.UNAVAILABLE, role + ": cannot bind HTTP status server to " + bindAddress + ": " + e.getMessage(), e);
        }
    }

    public static StatusServer start(String role, HostAndPort bindAddress, MetricsRegistry metrics,
                                     Supplier<Map<String, Object>> status) throws QuarryException {
        return new StatusServer(role, bindAddress, metrics, status);
    }

    public HostAndPort address() {
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        return new HostAndPort(local.getAddress().getHostAddress(), local.getPort());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = new QueryStringDecoder(request.uri()).path();
            FullHttpResponse response;
            try {
                switch (path) {
                    case "/metrics":
                        response = respond(HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", metrics.toPrometheusText());
                        break;
                    case "/status":
                        response = respond(HttpResponseStatus.OK, "application/json; charset=utf-8", Json.write(status.get()));
                        break;
                    case "/":
                        response = respond(HttpResponseStatus.OK, "text/html; charset=utf-8", Json.toHtml(role, status.get()));
                        break;
                    default:
                        response = respond(HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8", "No such page: " + path + "\n");
                }
            } catch (RuntimeException e) {
                response = respond(HttpResponseStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", "Error: " + e + "\n");
            }
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private FullHttpResponse respond(HttpResponseStatus code, String contentType, String body) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, code,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            return response;
        }
    }
}
