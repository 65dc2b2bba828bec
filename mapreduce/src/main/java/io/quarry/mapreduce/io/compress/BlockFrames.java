package io.quarry.mapreduce.io.compress;

import java.util.zip.CRC32C;

/**
 * The frame layout shared by {@link BlockCompressedOutputStream} and {@link BlockCompressedInputStream}.
 *
 * <pre>
 * frame      := rawLength:int32 storedLength:int32 crc:int32 stored bytes
 * end marker := 0:int32 0:int32 crc:int32
 * </pre>
 *
 * Integers are big-endian. {@code rawLength} is the block's length before compression (1 to
 * {@link #MAX_BLOCK_SIZE}). Bit 31 of {@code storedLength} marks a block stored as is (when
 * compression would not make it smaller); the rest is the stored byte count. {@code crc} is the
 * CRC32C of the first eight header bytes followed by the stored bytes, so damage to a length or a
 * payload byte is caught before anything is decompressed.
 */
final class BlockFrames {
    static final int HEADER_LENGTH = 12;
    static final int STORED_RAW_FLAG = 0x8000_0000;
    /** Largest block a stream writes or accepts, which bounds what a damaged header can make a reader allocate. */
    static final int MAX_BLOCK_SIZE = 64 << 20;

    private BlockFrames() {
    }

    static void putInt(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    /** The frame checksum of {@code header[0, 8)} followed by {@code payload[off, off + len)}. */
    static int checksum(CRC32C crc, byte[] header, int headerOffset, byte[] payload, int off, int len) {
        crc.reset();
        crc.update(header, headerOffset, 8);
        crc.update(payload, off, len);
        return (int) crc.getValue();
    }
}
