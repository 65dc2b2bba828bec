package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;

/**
 * A data transfer connection used from the calling thread: a non-blocking socket whose reads and
 * writes wait for readiness with a timeout, so a silent DataNode fails the read instead of
 * hanging it. Reads go straight into the caller's (direct) buffer.
 */
final class BlockSocket implements AutoCloseable {
    private final HostAndPort address;
    private final SocketChannel channel;
    private final long timeoutMillis;
    private Selector selector;

    private BlockSocket(HostAndPort address, SocketChannel channel, long timeoutMillis) {
        this.address = requireNonNull(address, "address is null");
        this.channel = requireNonNull(channel, "channel is null");
        this.timeoutMillis = timeoutMillis;
    }

    /** Connects within {@code timeoutMillis}; the exception's message says why not, without the address. */
    static BlockSocket connect(HostAndPort address, long timeoutMillis) throws IOException {
        return connect(address, timeoutMillis, 0);
    }

    /**
     * As {@link #connect(HostAndPort, long)}, with a fixed socket receive buffer of
     * {@code receiveBuffer} bytes (0: the kernel sizes it as the transfer goes).
     */
    static BlockSocket connect(HostAndPort address, long timeoutMillis, int receiveBuffer) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (receiveBuffer > 0) {
                // before connecting, so the window scale announced in the handshake covers it
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            channel.socket().connect(address.toSocketAddress(), (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            channel.configureBlocking(false);
            return new BlockSocket(address, channel, timeoutMillis);
        } catch (IOException e) {
            channel.close();
            throw new IOException(e instanceof java.net.ConnectException ? "connection refused"
                    : e instanceof java.net.SocketTimeoutException ? "connect timed out after " + timeoutMillis + " ms" : e.toString(), e);
        }
    }

    /** The socket's receive buffer as the kernel set it. */
    int receiveBufferSize() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** Reads until {@code buffer} is full. */
    void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                throw new EOFException("connection to " + address + " closed with " + buffer.remaining() + " bytes still expected");
            }
            if (n == 0) {
                await(SelectionKey.OP_READ, "data");
            }
        }
    }

    /** Writes all of {@code buffer}. */
    void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                await(SelectionKey.OP_WRITE, "room to send");
            }
        }
    }

    /** Sends one OP frame. */
    void sendOp(ByteBufAllocator allocator, Object op) throws IOException {
        ByteBuf frame = TransferFrames.encodeOp(allocator, op);
        try {
            writeFully(frame.nioBuffer());
        } finally {
            frame.release();
        }
    }

    /** Receives one OP frame and returns its message; anything else is an {@link IOException}. */
    Object receiveOp() throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        readFully(length);
        int frameLength = length.flip().getInt();
        if (frameLength <= 0 || frameLength > TransferFrames.MAX_FRAME_SIZE) {
            throw new IOException("sent a frame of " + frameLength + " bytes");
        }
        ByteBuffer body = ByteBuffer.allocate(frameLength);
        readFully(body);
        Object frame;
        try {
            frame = TransferFrames.decode(Unpooled.wrappedBuffer(body.flip()));
        } catch (RuntimeException e) {
            throw new IOException("sent a malformed frame: " + e.getMessage(), e);
        }
        if (frame instanceof TransferOp op) {
            return op.message();
        }
        if (frame instanceof Packet packet) {
            packet.release();
        }
        throw new IOException("sent " + frame + " where an answer was expected");
    }

    private void await(int operation, String what) throws IOException {
        if (selector == null) {
            selector = Selector.open();
            channel.register(selector, operation);
        } else {
            channel.keyFor(selector).interestOps(operation);
        }
        if (selector.select(Math.max(1, timeoutMillis)) == 0) {
            throw new SocketTimeoutException("no " + what + " from " + address + " within " + timeoutMillis + " ms");
        }
        selector.selectedKeys().clear();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
