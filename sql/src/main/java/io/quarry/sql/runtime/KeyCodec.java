package io.quarry.sql.runtime;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.quarry.mapreduce.io.BytesValue;

/**
 * Encodes a tuple of values so that unsigned byte order is the SQL order of the tuple: per field
 * a marker byte placing NULL first or last, then the value in an order-preserving form (strings
 * UTF-8 with 0x00 escaped and a 0x00 0x00 terminator, integers as sign-flipped big-endian longs,
 * doubles as sortable bits), with every byte inverted for a descending field. Equal tuples have
 * equal bytes (INT and BIGINT values of the same number too), so the shuffle sorts and groups by
 * plain byte comparison. Decodable given the kinds. Instances hold a scratch buffer: one per thread.
 */
public final class KeyCodec implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int NULL_FIRST = 0;
    private static final int VALUE = 1;
    private static final int NULL_LAST = 2;

    private final Kind[] kinds;
    private final boolean[] descending;
    private final boolean[] nullsFirst;
    private transient byte[] buffer;
    private transient int length;

    public KeyCodec(Kind[] kinds, boolean[] descending, boolean[] nullsFirst) {
        this.kinds = kinds.clone();
        this.descending = descending.clone();
        this.nullsFirst = nullsFirst.clone();
        if (descending.length != kinds.length || nullsFirst.length != kinds.length) {
            throw new IllegalArgumentException("Key of " + kinds.length + " fields with " + descending.length
                    + " directions and " + nullsFirst.length + " null orders");
        }
    }

    /** Ascending, NULL first: the order of GROUP BY and join keys (only equality matters there). */
    public static KeyCodec grouping(Kind[] kinds) {
        boolean[] nullsFirst = new boolean[kinds.length];
        Arrays.fill(nullsFirst, true);
        return new KeyCodec(kinds, new boolean[kinds.length], nullsFirst);
    }

    public int width() {
        return kinds.length;
    }

    /** Encodes {@code values[columns[i]]} for each field into {@code target}. */
    public BytesValue encode(Object[] values, int[] columns, BytesValue target) {
        begin();
        for (int i = 0; i < kinds.length; i++) {
            writeField(i, values[columns[i]]);
        }
        return target.set(buffer, 0, length);
    }

    /** Encodes {@code values[0..width)} into {@code target}. */
    public BytesValue encode(Object[] values, BytesValue target) {
        begin();
        for (int i = 0; i < kinds.length; i++) {
            writeField(i, values[i]);
        }
        return target.set(buffer, 0, length);
    }

    /** The key's values, in {@code target[offset..offset + width)}. */
    public void decode(byte[] b, int off, int end, Object[] target, int offset) {
        int[] pos = {off};
        for (int i = 0; i < kinds.length; i++) {
            target[offset + i] = readField(i, b, pos);
        }
        if (pos[0] != end) {
            throw new IllegalArgumentException("Key of " + (end - off) + " bytes has " + (end - pos[0]) + " bytes left after "
                    + kinds.length + " fields");
        }
    }

    private void begin() {
        if (buffer == null) {
            buffer = new byte[64];
        }
        length = 0;
    }

    private void writeField(int field, Object value) {
        ensure(16);
        if (value == null) {
            buffer[length++] = (byte) (nullsFirst[field] ? NULL_FIRST : NULL_LAST);
            return;
        }
        buffer[length++] = VALUE;
        int start = length;
        switch (kinds[field]) {
            case STRING -> writeString(value.toString());
            case INT, BIGINT -> writeLong(((Number) value).longValue() ^ Long.MIN_VALUE);
            case DOUBLE -> writeLong(sortableDouble(((Number) value).doubleValue()));
            case BOOLEAN -> buffer[length++] = (byte) (((Boolean) value) ? 1 : 0);
            case DATE -> writeLong(((LocalDate) value).toEpochDay() ^ Long.MIN_VALUE);
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                writeLong(t.toEpochSecond(ZoneOffset.UTC) ^ Long.MIN_VALUE);
                writeInt(t.getNano());
            }
            case NULL -> throw new IllegalArgumentException("A NULL-typed key field holds " + value);
        }
        if (descending[field]) {
            for (int i = start; i < length; i++) {
                buffer[i] = (byte) ~buffer[i];
            }
        }
    }

    private Object readField(int field, byte[] b, int[] pos) {
        int marker = b[pos[0]++];
        if (marker != VALUE) {
            return null;
        }
        int flip = descending[field] ? 0xFF : 0;
        switch (kinds[field]) {
            case STRING: {
                byte[] out = new byte[16];
                int n = 0;
                while (true) {
                    int c = (b[pos[0]++] ^ flip) & 0xFF;
                    if (c == 0) {
                        int next = (b[pos[0]++] ^ flip) & 0xFF;
                        if (next == 0) {
                            break;
                        }
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = (byte) c;
                }
                return new String(out, 0, n, StandardCharsets.UTF_8);
            }
            case INT:
                return (int) (readLong(b, pos, flip) ^ Long.MIN_VALUE);
            case BIGINT:
                return readLong(b, pos, flip) ^ Long.MIN_VALUE;
            case DOUBLE:
                return fromSortableDouble(readLong(b, pos, flip));
            case BOOLEAN:
                return ((b[pos[0]++] ^ flip) & 0xFF) == 1;
            case DATE:
                return LocalDate.ofEpochDay(readLong(b, pos, flip) ^ Long.MIN_VALUE);
            case TIMESTAMP: {
                long seconds = readLong(b, pos, flip) ^ Long.MIN_VALUE;
                int nanos = (int) readBytes(b, pos, flip, 4);
                return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
            }
            default:
                throw new IllegalArgumentException("A NULL-typed key field holds a value");
        }
    }

    private void writeString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length * 2 + 2);
        for (byte x : bytes) {
            buffer[length++] = x;
            if (x == 0) {
                buffer[length++] = (byte) 0xFF;
            }
        }
        buffer[length++] = 0;
        buffer[length++] = 0;
    }

    private void writeLong(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buffer[length++] = (byte) (v >>> (8 * i));
        }
    }

    private void writeInt(int v) {
        ensure(4);
        for (int i = 3; i >= 0; i--) {
            buffer[length++] = (byte) (v >>> (8 * i));
        }
    }

    private static long readLong(byte[] b, int[] pos, int flip) {
        return readBytes(b, pos, flip, 8);
    }

    private static long readBytes(byte[] b, int[] pos, int flip, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | ((b[pos[0]++] ^ flip) & 0xFF);
        }
        return v;
    }

    private static long sortableDouble(double value) {
        if (value == 0.0) {
            value = 0.0; // -0.0 and 0.0 are one group
        } else if (Double.isNaN(value)) {
            value = Double.NaN;
        }
        long bits = Double.doubleToLongBits(value);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static double fromSortableDouble(long sortable) {
        return Double.longBitsToDouble(sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
