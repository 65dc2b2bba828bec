package io.quarry.mapreduce.io.compress;

import static io.quarry.mapreduce.io.compress.BlockFrames.HEADER_LENGTH;
import static io.quarry.mapreduce.io.compress.BlockFrames.MAX_BLOCK_SIZE;
import static io.quarry.mapreduce.io.compress.BlockFrames.STORED_RAW_FLAG;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes bytes as a sequence of independently compressed, checksummed blocks (layout in
 * {@link BlockFrames}), ended by an end marker. {@link #finish()} writes the marker and leaves the
 * underlying stream open, so several block streams can follow each other in one file (a spill
 * file's partitions); {@link #close()} finishes and closes it. Buffers are allocated once; writes
 * of whole blocks are compressed straight from the caller's array. Not thread-safe.
 */
public final class BlockCompressedOutputStream extends OutputStream {
    private final OutputStream out;
    private final CompressionCodec codec;
    private final byte[] block;
    private final byte[] frame;
    private final CRC32C crc = new CRC32C();
    private int filled;
    private long rawBytes;
    private long storedBytes;
    private boolean finished;
    private boolean closed;

    public BlockCompressedOutputStream(OutputStream out, CompressionCodec codec, int blockSize) {
        this.out = Objects.requireNonNull(out, "out is null");
        this.codec = Objects.requireNonNull(codec, "codec is null");
        if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("block size " + blockSize + " is out of range (1 to " + MAX_BLOCK_SIZE + " bytes)");
        }
        this.block = new byte[blockSize];
        this.frame = new byte[HEADER_LENGTH + (codec == Codecs.NONE ? 0 : codec.maxCompressedLength(blockSize))];
    }

    @Override
    public void write(int b) throws IOException {
        checkWritable();
        block[filled++] = (byte) b;
        if (filled == block.length) {
            writeBlock(block, 0, filled);
            filled = 0;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        checkWritable();
        int blockSize = block.length;
        while (len > 0) {
            if (filled == 0 && len >= blockSize) {
                writeBlock(b, off, blockSize);
                off += blockSize;
                len -= blockSize;
                continue;
            }
            int n = Math.min(len, blockSize - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == blockSize) {
                writeBlock(block, 0, filled);
                filled = 0;
            }
        }
    }

    /** Writes the buffered bytes as a (short) block and flushes the underlying stream. */
    @Override
    public void flush() throws IOException {
        if (!finished) {
            writePending();
        }
        out.flush();
    }

    /** Writes the buffered bytes and the end marker, leaving the underlying stream open. Idempotent. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        writePending();
        BlockFrames.putInt(frame, 0, 0);
        BlockFrames.putInt(frame, 4, 0);
        BlockFrames.putInt(frame, 8, BlockFrames.checksum(crc, frame, 0, frame, 0, 0));
        out.write(frame, 0, HEADER_LENGTH);
        storedBytes += HEADER_LENGTH;
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            finish();
        } finally {
            closed = true;
            out.close();
        }
    }

    /** Uncompressed bytes written so far. */
    public long rawBytes() {
        return rawBytes + filled;
    }

    /** Bytes handed to the underlying stream so far, headers and end marker included. */
    public long storedBytes() {
        return storedBytes;
    }

    private void writePending() throws IOException {
        if (filled > 0) {
            writeBlock(block, 0, filled);
            filled = 0;
        }
    }

    private void writeBlock(byte[] src, int off, int len) throws IOException {
        int stored = codec == Codecs.NONE ? len : codec.compress(src, off, len, frame, HEADER_LENGTH);
        BlockFrames.putInt(frame, 0, len);
        if (stored < len) {
            BlockFrames.putInt(frame, 4, stored);
            BlockFrames.putInt(frame, 8, BlockFrames.checksum(crc, frame, 0, frame, HEADER_LENGTH, stored));
            out.write(frame, 0, HEADER_LENGTH + stored);
        } else {
            stored = len;
            BlockFrames.putInt(frame, 4, len | STORED_RAW_FLAG);
            BlockFrames.putInt(frame, 8, BlockFrames.checksum(crc, frame, 0, src, off, len));
            out.write(frame, 0, HEADER_LENGTH);
            out.write(src, off, len);
        }
        rawBytes += len;
        storedBytes += HEADER_LENGTH + stored;
    }

    private void checkWritable() throws IOException {
        if (finished) {
            throw new IOException(closed ? "block stream is closed" : "block stream is finished; nothing more can be written");
        }
    }
}
