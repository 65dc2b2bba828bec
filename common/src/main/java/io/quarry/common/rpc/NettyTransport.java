package io.quarry.common.rpc;

import java.util.concurrent.ThreadFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The Netty transport every Quarry socket uses: native epoll on Linux (fewer system calls and
 * cheaper wake-ups than the JDK selector, and sendfile for file regions), the JDK's NIO elsewhere.
 * {@code -Dquarry.netty.transport=nio} forces NIO.
 */
public final class NettyTransport {
    private static final boolean EPOLL = !"nio".equals(System.getProperty("quarry.netty.transport")) && Epoll.isAvailable();

    private NettyTransport() {
    }

    public static EventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
        return EPOLL ? new EpollEventLoopGroup(threads, threadFactory) : new NioEventLoopGroup(threads, threadFactory);
    }

    public static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** {@code epoll} or {@code nio}, for logs and benchmark reports. */
    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }
}
