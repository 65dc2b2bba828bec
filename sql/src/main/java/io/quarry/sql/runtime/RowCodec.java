package io.quarry.sql.runtime;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.quarry.mapreduce.io.BytesValue;

/**
 * The compact binary form of a row between stages and in shuffle values: per value a tag byte
 * (its {@link Kind}) followed by its bytes (strings as a varint length and UTF-8, numbers
 * fixed-width). Self-describing, so it needs no schema to read. One instance per thread.
 */
public final class RowCodec {
    private byte[] buffer = new byte[256];
    private int length;

    /** Encodes {@code row[0..width)} into {@code target}. */
    public BytesValue encode(Object[] row, int width, BytesValue target) {
        length = 0;
        writeVarInt(width);
        for (int i = 0; i < width; i++) {
            writeValue(row[i]);
        }
        return target.set(buffer, 0, length);
    }

    /** Encodes {@code first} followed by {@code row}, with a one-byte tag in front (a join side). */
    public BytesValue encodeTagged(int tag, Object[] row, int width, BytesValue target) {
        length = 0;
        ensure(1);
        buffer[length++] = (byte) tag;
        writeVarInt(width);
        for (int i = 0; i < width; i++) {
            writeValue(row[i]);
        }
        return target.set(buffer, 0, length);
    }

    /** The tag of a value written by {@link #encodeTagged}. */
    public static int tag(BytesValue value) {
        return value.bytes()[0];
    }

    public static Object[] decode(BytesValue value) {
        return decode(value.bytes(), 0, value.length());
    }

    public static Object[] decodeTagged(BytesValue value) {
        return decode(value.bytes(), 1, value.length());
    }

    public static Object[] decode(byte[] b, int offset, int end) {
        int[] pos = {offset};
        int width = readVarInt(b, pos);
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
            row[i] = readValue(b, pos);
        }
        if (pos[0] != end) {
            throw new IllegalArgumentException("Row encoding of " + (end - offset) + " bytes has " + (end - pos[0])
                    + " bytes after its " + width + " values");
        }
        return row;
    }

    private void writeValue(Object value) {
        ensure(10);
        if (value == null) {
            buffer[length++] = 0;
        } else if (value instanceof String s) {
            buffer[length++] = 1;
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            writeVarInt(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        } else if (value instanceof Integer i) {
            buffer[length++] = 2;
            writeLong(i, 4);
        } else if (value instanceof Long l) {
            buffer[length++] = 3;
            writeLong(l, 8);
        } else if (value instanceof Double d) {
            buffer[length++] = 4;
            writeLong(Double.doubleToRawLongBits(d), 8);
        } else if (value instanceof Boolean bool) {
            buffer[length++] = (byte) (bool ? 5 : 6);
        } else if (value instanceof LocalDateTime t) {
            buffer[length++] = 7;
            writeLong(t.toEpochSecond(ZoneOffset.UTC), 8);
            ensure(4);
            writeLong(t.getNano(), 4);
        } else if (value instanceof LocalDate d) {
            buffer[length++] = 8;
            writeLong(d.toEpochDay(), 8);
        } else {
            throw new IllegalArgumentException("Cannot encode a " + value.getClass().getName() + " value: " + value);
        }
    }

    private static Object readValue(byte[] b, int[] pos) {
        int tag = b[pos[0]++];
        switch (tag) {
            case 0:
                return null;
            case 1: {
                int n = readVarInt(b, pos);
                String s = new String(b, pos[0], n, StandardCharsets.UTF_8);
                pos[0] += n;
                return s;
            }
            case 2:
                return (int) readLong(b, pos, 4);
            case 3:
                return readLong(b, pos, 8);
            case 4:
                return Double.longBitsToDouble(readLong(b, pos, 8));
            case 5:
                return Boolean.TRUE;
            case 6:
                return Boolean.FALSE;
            case 7: {
                long seconds = readLong(b, pos, 8);
                int nanos = (int) readLong(b, pos, 4);
                return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
            }
            case 8:
                return LocalDate.ofEpochDay(readLong(b, pos, 8));
            default:
                throw new IllegalArgumentException("Unknown value tag " + tag + " at byte " + (pos[0] - 1));
        }
    }

    private void writeLong(long v, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buffer[length++] = (byte) (v >>> (8 * i));
        }
    }

    private static long readLong(byte[] b, int[] pos, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (b[pos[0]++] & 0xFF);
        }
        if (bytes == 4) {
            v = (int) v;
        }
        return v;
    }

    private void writeVarInt(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buffer[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[length++] = (byte) v;
    }

    private static int readVarInt(byte[] b, int[] pos) {
        int v = 0;
        int shift = 0;
        while (true) {
            int x = b[pos[0]++];
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
