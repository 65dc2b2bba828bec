package io.quarry.dfs.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import io.quarry.dfs.SeekableInputStream;

/** Reads a local file through a {@link FileChannel}, so seeking is free. */
final class LocalInputStream extends SeekableInputStream {
    private final java.nio.file.Path file;
    private final FileChannel channel;
    private long position;

    LocalInputStream(java.nio.file.Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long target = Math.min(length(), position + Math.max(0, n));
        long skipped = target - position;
        position = target;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, length() - position));
    }

    @Override
    public void seek(long target) throws IOException {
        if (target < 0) {
            throw new IOException("Cannot seek " + file + " to negative offset " + target);
        }
        position = target;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long length() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
