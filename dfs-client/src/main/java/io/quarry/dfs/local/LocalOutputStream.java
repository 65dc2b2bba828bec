package io.quarry.dfs.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Writes a local file; {@link #close()} forces the bytes to disk, as QFS's close does. */
final class LocalOutputStream extends OutputStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private boolean closed;

    LocalOutputStream(java.nio.file.Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length >= BUFFER_SIZE) {
            drain();
            ByteBuffer wrapped = ByteBuffer.wrap(bytes, offset, length);
            while (wrapped.hasRemaining()) {
                channel.write(wrapped);
            }
            return;
        }
        if (length > buffer.remaining()) {
            drain();
        }
        buffer.put(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain();
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
            channel.force(true);
        } finally {
            channel.close();
        }
    }
}
