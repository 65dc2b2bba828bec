package io.quarry.mapreduce.io.compress;

import static io.quarry.mapreduce.io.compress.BlockFrames.HEADER_LENGTH;
import static io.quarry.mapreduce.io.compress.BlockFrames.MAX_BLOCK_SIZE;
import static io.quarry.mapreduce.io.compress.BlockFrames.STORED_RAW_FLAG;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Reads what {@link BlockCompressedOutputStream} wrote. Each frame is checked (lengths, CRC32C,
 * decompressed size) before its bytes are handed out; a damaged or truncated frame fails with an
 * {@link IOException} naming its offset. Reading stops at the end marker without consuming
 * anything after it, so the next block stream in the same file can be read from there. A bulk read
 * that asks for at least a whole block is decompressed straight into the caller's array; buffers
 * grow to the largest block seen and are reused. Not thread-safe.
 */
public final class BlockCompressedInputStream extends InputStream {
    private final InputStream in;
    private final CompressionCodec codec;
    private final String source;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final CRC32C crc = new CRC32C();
    private byte[] stored = new byte[0];
    private byte[] block = new byte[0];
    private int pos;
    private int limit;
    /** Offset of the next frame to read, counted from where this stream started. */
    private long nextFrameOffset;
    private long frameOffset;
    private int frameRawLength;
    private int frameStoredLength;
    private boolean frameStoredRaw;
    private boolean ended;
    private String failure;

    public BlockCompressedInputStream(InputStream in, CompressionCodec codec) {
        this(in, codec, "block stream", 0);
    }

    /**
     * @param source      what is being read (a file name), for error messages
     * @param startOffset where the block stream starts in {@code source}, so errors name file offsets
     */
    public BlockCompressedInputStream(InputStream in, CompressionCodec codec, String source, long startOffset) {
        this.in = Objects.requireNonNull(in, "in is null");
        this.codec = Objects.requireNonNull(codec, "codec is null");
        this.source = Objects.requireNonNull(source, "source is null");
        this.nextFrameOffset = startOffset;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit) {
            if (!nextFrame()) {
                return -1;
            }
            decodeFrame(ensureBlock(frameRawLength), 0);
            pos = 0;
            limit = frameRawLength;
        }
        return block[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (!nextFrame()) {
                return -1;
            }
            if (len >= frameRawLength) {
                decodeFrame(b, off);
                return frameRawLength;
            }
            decodeFrame(ensureBlock(frameRawLength), 0);
            pos = 0;
            limit = frameRawLength;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(block, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (pos == limit) {
                if (!nextFrame()) {
                    break;
                }
                decodeFrame(ensureBlock(frameRawLength), 0);
                pos = 0;
                limit = frameRawLength;
            }
            int step = (int) Math.min(n - skipped, limit - pos);
            pos += step;
            skipped += step;
        }
        return skipped;
    }

    /** Decompressed bytes that can be read without touching the underlying stream. */
    @Override
    public int available() {
        return limit - pos;
    }

    @Override
    public void close() throws IOException {
        ended = true;
        pos = limit;
        in.close();
    }

    /** Reads and checks the next header; false at the end marker. */
    private boolean nextFrame() throws IOException {
        if (failure != null) {
            throw new IOException("cannot read " + source + " further after an earlier error: " + failure);
        }
        if (ended) {
            return false;
        }
        frameOffset = nextFrameOffset;
        int got = in.readNBytes(header, 0, HEADER_LENGTH);
        if (got < HEADER_LENGTH) {
            throw fail(got == 0
                    ? "ends at offset " + frameOffset + " without an end marker (truncated?)"
                    : "truncated frame header at offset " + frameOffset + ": " + got + " of " + HEADER_LENGTH + " bytes");
        }
        int rawLength = BlockFrames.getInt(header, 0);
        int storedField = BlockFrames.getInt(header, 4);
        int expectedCrc = BlockFrames.getInt(header, 8);
        if (rawLength == 0 && storedField == 0) {
            int actual = BlockFrames.checksum(crc, header, 0, header, 0, 0);
            if (actual != expectedCrc) {
                throw fail(checksumMessage(expectedCrc, actual));
            }
            nextFrameOffset += HEADER_LENGTH;
            ended = true;
            return false;
        }
        boolean storedRaw = (storedField & STORED_RAW_FLAG) != 0;
        int storedLength = storedField & ~STORED_RAW_FLAG;
        if (rawLength <= 0 || rawLength > MAX_BLOCK_SIZE) {
            throw fail("corrupt frame header at offset " + frameOffset + ": block length " + rawLength
                    + " is outside 1 to " + MAX_BLOCK_SIZE);
        }
        if (storedRaw ? storedLength != rawLength : storedLength <= 0 || storedLength > codec.maxCompressedLength(rawLength)) {
            throw fail("corrupt frame header at offset " + frameOffset + ": stored length " + storedLength
                    + (storedRaw ? " of an uncompressed block" : " of a " + codec.name() + " block")
                    + " does not fit block length " + rawLength);
        }
        frameRawLength = rawLength;
        frameStoredLength = storedLength;
        frameStoredRaw = storedRaw;
        nextFrameOffset += HEADER_LENGTH + storedLength;
        return true;
    }

    /** Reads the current frame's payload, checks it and leaves its raw bytes in {@code dst[dstOffset, + rawLength)}. */
    private void decodeFrame(byte[] dst, int dstOffset) throws IOException {
        byte[] payload = frameStoredRaw ? dst : ensureStored(frameStoredLength);
        int payloadOffset = frameStoredRaw ? dstOffset : 0;
        int got = in.readNBytes(payload, payloadOffset, frameStoredLength);
        if (got < frameStoredLength) {
            throw fail("truncated frame at offset " + frameOffset + ": " + got + " of " + frameStoredLength
                    + " stored bytes before the end of the stream");
        }
        int actual = BlockFrames.checksum(crc, header, 0, payload, payloadOffset, frameStoredLength);
        int expected = BlockFrames.getInt(header, 8);
        if (actual != expected) {
            throw fail(checksumMessage(expected, actual));
        }
        if (!frameStoredRaw) {
            try {
                codec.decompress(stored, 0, frameStoredLength, dst, dstOffset, frameRawLength);
            } catch (CorruptDataException e) {
                throw fail("corrupt " + codec.name() + " frame at offset " + frameOffset + ": " + e.getMessage(), e);
            }
        }
    }

    private String checksumMessage(int expected, int actual) {
        return "checksum mismatch in frame at offset " + frameOffset + " (expected " + Integer.toHexString(expected)
                + ", got " + Integer.toHexString(actual) + ")";
    }

    private IOException fail(String message) {
        return fail(message, null);
    }

    private IOException fail(String message, Throwable cause) {
        failure = message;
        pos = limit;
        return new IOException(source + ": " + message, cause);
    }

    private byte[] ensureBlock(int length) {
        if (block.length < length) {
            block = new byte[length];
        }
        return block;
    }

    private byte[] ensureStored(int length) {
        if (stored.length < length) {
            stored = new byte[length];
        }
        return stored;
    }
}
