package io.quarry.dfs.checksum;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import io.netty.buffer.ByteBuf;

/**
 * CRC32C over fixed-size chunks (512 bytes by default): one 4-byte big-endian checksum per chunk,
 * the last chunk possibly shorter. The same layout is used in packets on the wire and in a
 * DataNode's checksum files, so checksums travel from disk to the reader unchanged.
 */
public final class ChunkChecksums {
    public static final int CHECKSUM_SIZE = 4;

    private ChunkChecksums() {
    }

    /** Bytes of checksums that cover {@code dataLength} bytes. */
    public static int checksumLength(long dataLength, int bytesPerChecksum) {
        return Math.toIntExact((dataLength + bytesPerChecksum - 1) / bytesPerChecksum * CHECKSUM_SIZE);
    }

    /** Appends the checksums of the readable bytes of {@code data} (not consumed) to {@code out}. */
    public static void compute(ByteBuf data, int bytesPerChecksum, ByteBuf out) {
        CRC32C crc = new CRC32C();
        int end = data.writerIndex();
        ChunkCursor cursor = new ChunkCursor(data);
        for (int position = data.readerIndex(); position < end; position += bytesPerChecksum) {
            int length = Math.min(bytesPerChecksum, end - position);
            crc.reset();
            cursor.update(crc, length);
            out.writeInt((int) crc.getValue());
        }
    }

    /** Checksums of a byte array range, written into {@code out} at {@code outOffset}. */
    public static void compute(byte[] data, int offset, int length, int bytesPerChecksum, byte[] out, int outOffset) {
        CRC32C crc = new CRC32C();
        int write = outOffset;
        for (int position = offset; position < offset + length; position += bytesPerChecksum) {
            int chunk = Math.min(bytesPerChecksum, offset + length - position);
            crc.reset();
            crc.update(data, position, chunk);
            int value = (int) crc.getValue();
            out[write] = (byte) (value >>> 24);
            out[write + 1] = (byte) (value >>> 16);
            out[write + 2] = (byte) (value >>> 8);
            out[write + 3] = (byte) value;
            write += CHECKSUM_SIZE;
        }
    }

    /**
     * Verifies the readable bytes of {@code data} against {@code checksums} (neither consumed).
     * Returns -1 when all chunks match, otherwise the index of the first bad chunk.
     */
    public static int firstMismatch(ByteBuf data, ByteBuf checksums, int bytesPerChecksum) {
        CRC32C crc = new CRC32C();
        int end = data.writerIndex();
        int checksumIndex = checksums.readerIndex();
        int chunk = 0;
        ChunkCursor cursor = new ChunkCursor(data);
        for (int position = data.readerIndex(); position < end; position += bytesPerChecksum, chunk++) {
            int length = Math.min(bytesPerChecksum, end - position);
            if (checksumIndex + CHECKSUM_SIZE > checksums.writerIndex()) {
                return chunk;
            }
            crc.reset();
            cursor.update(crc, length);
            if ((int) crc.getValue() != checksums.getInt(checksumIndex)) {
                return chunk;
            }
            checksumIndex += CHECKSUM_SIZE;
        }
        return -1;
    }

    /**
     * Verifies {@code data} from 0 to its limit against the big-endian checksums at the start of
     * {@code checksums}, reusing {@code crc}; positions are left as they were. Returns -1 when all
     * chunks match, otherwise the index of the first bad chunk.
     */
    public static int firstMismatch(ByteBuffer data, ByteBuffer checksums, int bytesPerChecksum, CRC32C crc) {
        int end = data.limit();
        int start = data.position();
        int chunk = 0;
        try {
            for (int position = 0; position < end; position += bytesPerChecksum, chunk++) {
                data.limit(Math.min(end, position + bytesPerChecksum)).position(position);
                crc.reset();
                crc.update(data);
                if ((int) crc.getValue() != checksums.getInt(chunk * CHECKSUM_SIZE)) {
                    return chunk;
                }
            }
            return -1;
        } finally {
            data.limit(end).position(start);
        }
    }

    /** The expected and actual checksum of one chunk, for error messages. */
    public static String describeMismatch(ByteBuf data, ByteBuf checksums, int bytesPerChecksum, int chunk) {
        int position = data.readerIndex() + chunk * bytesPerChecksum;
        int length = Math.min(bytesPerChecksum, data.writerIndex() - position);
        CRC32C crc = new CRC32C();
        update(crc, data, position, length);
        int checksumIndex = checksums.readerIndex() + chunk * CHECKSUM_SIZE;
        String expected = checksumIndex + CHECKSUM_SIZE <= checksums.writerIndex()
                ? String.format("%08x", checksums.getInt(checksumIndex)) : "missing";
        return "expected " + expected + ", got " + String.format("%08x", (int) crc.getValue());
    }

    /** Updates with one range of the buffer, for the rare single-chunk case (error messages). */
    private static void update(CRC32C crc, ByteBuf data, int position, int length) {
        if (data.nioBufferCount() == 1) {
            ByteBuffer buffer = data.nioBuffer(position, length);
            crc.update(buffer);
        } else {
            for (ByteBuffer buffer : data.nioBuffers(position, length)) {
                crc.update(buffer);
            }
        }
    }

    /**
     * Walks the readable bytes of a buffer (one or many components) chunk by chunk, without
     * creating a view per chunk: a read or write of 1 GiB has two million chunks.
     */
    private static final class ChunkCursor {
        private final ByteBuffer[] buffers;
        private int index;

        ChunkCursor(ByteBuf data) {
            this.buffers = data.nioBufferCount() == 1
                    ? new ByteBuffer[] {data.nioBuffer(data.readerIndex(), data.readableBytes())}
                    : data.nioBuffers(data.readerIndex(), data.readableBytes());
        }

        /** Feeds the next {@code length} bytes to the checksum. */
        void update(CRC32C crc, int length) {
            int remaining = length;
            while (remaining > 0) {
                ByteBuffer buffer = buffers[index];
                if (!buffer.hasRemaining()) {
                    index++;
                    continue;
                }
                int n = Math.min(remaining, buffer.remaining());
                int limit = buffer.limit();
                buffer.limit(buffer.position() + n);
                crc.update(buffer);
                buffer.limit(limit);
                remaining -= n;
            }
        }
    }
}
