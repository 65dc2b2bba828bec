package io.quarry.mapreduce.recordfile;

import static java.util.Objects.requireNonNull;

import io.quarry.dfs.Path;
import io.quarry.mapreduce.io.OutputBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The start of a record file: magic {@code QREC}, a version byte, the key class, value class and
 * codec names (each a varint length and UTF-8 bytes), a CRC32C of all that, then the file's
 * 16-byte random sync marker, which also starts every block.
 */
public record RecordFileHeader(String keyClassName, String valueClassName, String codecName, byte[] sync) {
    static final byte[] MAGIC = {'Q', 'R', 'E', 'C'};
    static final byte VERSION = 1;
    static final int SYNC_SIZE = 16;
    private static final int MAX_NAME_LENGTH = 4096;

    public RecordFileHeader {
        requireNonNull(keyClassName, "keyClassName is null");
        requireNonNull(valueClassName, "valueClassName is null");
        requireNonNull(codecName, "codecName is null");
        if (sync.length != SYNC_SIZE) {
            throw new IllegalArgumentException("sync marker must be " + SYNC_SIZE + " bytes, got " + sync.length);
        }
        sync = sync.clone();
    }

    @Override
    public byte[] sync() {
        return sync.clone();
    }

    byte[] syncBytes() {
        return sync;
    }

    void writeTo(OutputBuffer out) {
        int start = out.length();
        out.write(MAGIC, 0, MAGIC.length);
        out.write(VERSION);
        writeName(out, keyClassName);
        writeName(out, valueClassName);
        writeName(out, codecName);
        CRC32C crc = new CRC32C();
        crc.update(out.bytes(), start, out.length() - start);
        out.writeIntBigEndian((int) crc.getValue());
        out.write(sync, 0, SYNC_SIZE);
    }

    private static void writeName(OutputBuffer out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.writeVarInt(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** The header's length in bytes (where the first block starts). */
    int length() {
        OutputBuffer buffer = new OutputBuffer(128);
        writeTo(buffer);
        return buffer.length();
    }

    /** Parses a header from the first {@code available} bytes of {@code file}. */
    static RecordFileHeader parse(byte[] bytes, int available, Path file) throws CorruptRecordFileException {
        Cursor cursor = new Cursor(bytes, available, file);
        if (available < MAGIC.length + 1 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptRecordFileException(file, 0, "not a record file (expected magic QREC)");
        }
        cursor.position = MAGIC.length;
        int version = bytes[cursor.position++];
        if (version != VERSION) {
            throw new CorruptRecordFileException(file, MAGIC.length, "unsupported record file version " + version + " (expected " + VERSION + ")");
        }
        String keyClass = cursor.name();
        String valueClass = cursor.name();
        String codec = cursor.name();
        int checked = cursor.position;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, checked);
        int expected = cursor.int32();
        if (expected != (int) crc.getValue()) {
            throw new CorruptRecordFileException(file, checked, String.format("header checksum mismatch (expected %08x, got %08x)",
                    expected, (int) crc.getValue()));
        }
        return new RecordFileHeader(keyClass, valueClass, codec, cursor.bytes(SYNC_SIZE));
    }

    private static final class Cursor {
        private final byte[] bytes;
        private final int available;
        private final Path file;
        private int position;

        Cursor(byte[] bytes, int available, Path file) {
            this.bytes = bytes;
            this.available = available;
            this.file = file;
        }

        String name() throws CorruptRecordFileException {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                need(1);
                byte b = bytes[position++];
                length |= (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
                if (shift > 21) {
                    throw new CorruptRecordFileException(file, position, "bad name length in header");
                }
            }
            if (length > MAX_NAME_LENGTH) {
                throw new CorruptRecordFileException(file, position, "header name of " + length + " bytes (at most " + MAX_NAME_LENGTH + ")");
            }
            return new String(bytes(length), StandardCharsets.UTF_8);
        }

        int int32() throws CorruptRecordFileException {
            byte[] four = bytes(4);
            return ((four[0] & 0xFF) << 24) | ((four[1] & 0xFF) << 16) | ((four[2] & 0xFF) << 8) | (four[3] & 0xFF);
        }

        byte[] bytes(int count) throws CorruptRecordFileException {
            need(count);
            byte[] copy = Arrays.copyOfRange(bytes, position, position + count);
            position += count;
            return copy;
        }

        private void need(int count) throws CorruptRecordFileException {
            if (position + count > available) {
                throw new CorruptRecordFileException(file, position, "header is truncated");
            }
        }
    }
}
