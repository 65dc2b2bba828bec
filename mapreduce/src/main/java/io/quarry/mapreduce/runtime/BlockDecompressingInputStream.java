package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.io.compress.CompressionCodec;
import io.quarry.mapreduce.io.compress.CorruptDataException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The raw bytes of a compressed segment: reads the {@code [rawLength][storedLength][bytes]} blocks
 * that {@link SegmentWriter} writes and decompresses them one at a time.
 */
final class BlockDecompressingInputStream extends InputStream {
    private final InputStream in;
    private final CompressionCodec codec;
    private final String source;
    private final byte[] header = new byte[SegmentWriter.BLOCK_HEADER];
    private byte[] compressed = new byte[0];
    private byte[] raw = new byte[0];
    private int pos;
    private int limit;
    private long blockStart;

    BlockDecompressingInputStream(InputStream in, CompressionCodec codec, String source) {
        this.in = Objects.requireNonNull(in, "in");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !nextBlock()) {
            return -1;
        }
        return raw[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !nextBlock()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(raw, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean nextBlock() throws IOException {
        int got = in.readNBytes(header, 0, header.length);
        if (got == 0) {
            return false;
        }
        if (got < header.length) {
            throw new EOFException("compressed segment " + source + " ends inside a block header at stored offset " + blockStart);
        }
        int rawLength = SegmentWriter.getInt(header, 0);
        int storedLength = SegmentWriter.getInt(header, 4);
        if (rawLength < 0 || storedLength < 0 || rawLength > 64 * SegmentWriter.BLOCK_SIZE) {
            throw new IOException("corrupt compressed segment " + source + " at stored offset " + blockStart
                    + ": block header says raw " + rawLength + ", stored " + storedLength);
        }
        if (compressed.length < storedLength) {
            compressed = new byte[storedLength];
        }
        if (raw.length < rawLength) {
            raw = new byte[rawLength];
        }
        if (in.readNBytes(compressed, 0, storedLength) < storedLength) {
            throw new EOFException("compressed segment " + source + " ends inside the block at stored offset " + blockStart);
        }
        try {
            codec.decompress(compressed, 0, storedLength, raw, 0, rawLength);
        } catch (CorruptDataException e) {
            throw new IOException("corrupt " + codec.name() + " block in segment " + source + " at stored offset "
                    + blockStart + ": " + e.getMessage(), e);
        }
        blockStart += header.length + storedLength;
        pos = 0;
        limit = rawLength;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
