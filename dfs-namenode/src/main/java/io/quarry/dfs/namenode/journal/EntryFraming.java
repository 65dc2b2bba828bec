package io.quarry.dfs.namenode.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of journal and checkpoint entries: int length of the payload, int CRC32C of
 * the payload, then the payload.
 */
public final class EntryFraming {
    public static final int HEADER = 8;
    /** No single entry is larger; a bigger length field means a corrupt frame. */
    public static final int MAX_ENTRY = 64 * 1024 * 1024;

    private EntryFraming() {
    }

    public static void write(ByteBuffer out, byte[] payload) {
        out.putInt(payload.length);
        out.putInt(crc(payload, 0, payload.length));
        out.put(payload);
    }

    public static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Result of reading the frame at an offset. */
    public record Frame(int payloadOffset, int payloadLength, Problem problem) {
        public int end() {
            return payloadOffset + payloadLength;
        }
    }

    public enum Problem {
        NONE,
        /** The frame runs past the end of the data. */
        INCOMPLETE,
        /** The length field is impossible. */
        BAD_LENGTH,
        /** The payload does not match its checksum. */
        BAD_CHECKSUM
    }

    public static Frame read(byte[] data, int offset, int limit) {
        if (limit - offset < HEADER) {
            return new Frame(offset + HEADER, 0, Problem.INCOMPLETE);
        }
        ByteBuffer header = ByteBuffer.wrap(data, offset, HEADER);
        int length = header.getInt();
        int expected = header.getInt();
        if (length <= 0 || length > MAX_ENTRY) {
            return new Frame(offset + HEADER, 0, Problem.BAD_LENGTH);
        }
        if ((long) offset + HEADER + length > limit) {
            return new Frame(offset + HEADER, length, Problem.INCOMPLETE);
        }
        if (crc(data, offset + HEADER, length) != expected) {
            return new Frame(offset + HEADER, length, Problem.BAD_CHECKSUM);
        }
        return new Frame(offset + HEADER, length, Problem.NONE);
    }
}
