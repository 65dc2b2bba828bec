package io.quarry.mapreduce.recordfile;

import java.util.zip.CRC32C;

/**
 * The fixed part of a block after its sync marker: record count, raw length, stored length and a
 * CRC32C over those three fields and the stored bytes, each a big-endian int.
 */
final class BlockHeader {
    /** Sync marker plus the four ints. */
    static final int SIZE = RecordFileHeader.SYNC_SIZE + 16;

    private BlockHeader() {
    }

    static int checksum(byte[] header, int fieldsOffset, byte[] stored, int storedLength) {
        CRC32C crc = new CRC32C();
        crc.update(header, fieldsOffset, 12);
        crc.update(stored, 0, storedLength);
        return (int) crc.getValue();
    }

    static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    static int getInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
                | (bytes[offset + 3] & 0xFF);
    }
}
