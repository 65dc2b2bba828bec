package io.quarry.mapreduce.input;

import io.quarry.dfs.SeekableInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A decompressing stream seen as a {@link SeekableInputStream} that can only be read from its
 * start, so the line reader works on it unchanged; positions count decompressed bytes.
 */
final class DecompressedInput extends SeekableInputStream {
    private final InputStream decompressed;
    private long position;

    DecompressedInput(InputStream decompressed) {
        this.decompressed = Objects.requireNonNull(decompressed, "decompressed");
    }

    @Override
    public void seek(long target) throws IOException {
        if (target != position) {
            throw new IOException("compressed input cannot seek (at " + position + ", asked for " + target + ")");
        }
    }

    @Override
    public long position() {
        return position;
    }

    /** Unknown until read to the end. */
    @Override
    public long length() {
        return -1;
    }

    @Override
    public int read() throws IOException {
        int b = decompressed.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = decompressed.read(buffer, offset, length);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        decompressed.close();
    }
}
