package io.quarry.mapreduce.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Iterates the records of one segment (format in {@link SegmentWriter}) from its raw bytes: either
 * all in memory, or streamed through a large buffer that grows to hold the largest record. The
 * returned key and value arrays are this reader's buffer.
 */
public final class SegmentReader implements RawRecordIterator {
    static final int DEFAULT_BUFFER = 128 * 1024;

    private final InputStream in;
    private final String source;
    private byte[] buf;
    private int pos;
    private int limit;
    private long consumed;
    private boolean ended;
    private int keyOffset;
    private int keyLength;
    private int valueOffset;
    private int valueLength;

    /** Reads the raw segment bytes of {@code in}; {@code source} names it in errors. */
    public SegmentReader(InputStream in, int bufferSize, String source) {
        this.in = Objects.requireNonNull(in, "in");
        this.source = Objects.requireNonNull(source, "source");
        this.buf = new byte[Math.max(64, bufferSize)];
    }

    /** Reads the raw segment held in {@code bytes[offset, offset + length)}. */
    public SegmentReader(byte[] bytes, int offset, int length, String source) {
        this.in = null;
        this.source = Objects.requireNonNull(source, "source");
        this.buf = bytes;
        this.pos = offset;
        this.limit = offset + length;
    }

    @Override
    public boolean next() throws IOException {
        if (ended) {
            return false;
        }
        if (limit - pos < 10 && in != null) {
            fill(10);
        }
        int k = readVarInt();
        if (k == 0) {
            ended = true;
            return false;
        }
        keyLength = k - 1;
        valueLength = readVarInt();
        int need = keyLength + valueLength;
        if (need < 0) {
            throw new IOException("corrupt segment " + source + " at raw offset " + (consumed + pos)
                    + ": record of " + keyLength + " + " + valueLength + " bytes");
        }
        if (limit - pos < need) {
            if (in != null) {
                fill(need);
            }
            if (limit - pos < need) {
                throw new EOFException("segment " + source + " ends inside a record at raw offset " + (consumed + pos)
                        + " (record needs " + need + " bytes, " + (limit - pos) + " left)");
            }
        }
        keyOffset = pos;
        valueOffset = pos + keyLength;
        pos += need;
        return true;
    }

    private int readVarInt() throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= limit) {
                throw new EOFException("segment " + source + " ends without its end marker at raw offset " + (consumed + pos));
            }
            byte b = buf[pos++];
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IOException("corrupt segment " + source + ": malformed length at raw offset " + (consumed + pos));
    }

    /** Makes at least {@code n} bytes available from {@code pos}, unless the stream ends first. */
    private void fill(int n) throws IOException {
        if (pos > 0) {
            int remaining = limit - pos;
            System.arraycopy(buf, pos, buf, 0, remaining);
            consumed += pos;
            pos = 0;
            limit = remaining;
        }
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, (int) Math.min(Integer.MAX_VALUE - 16, 2L * buf.length)));
        }
        while (limit < n) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                return;
            }
            limit += read;
        }
    }

    @Override
    public byte[] keyBytes() {
        return buf;
    }

    @Override
    public int keyOffset() {
        return keyOffset;
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    @Override
    public byte[] valueBytes() {
        return buf;
    }

    @Override
    public int valueOffset() {
        return valueOffset;
    }

    @Override
    public int valueLength() {
        return valueLength;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
