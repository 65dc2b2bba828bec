package io.quarry.mapreduce.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array that serializers append to. Not thread-safe. */
public final class OutputBuffer {
    private byte[] bytes;
    private int length;

    public OutputBuffer() {
        this(256);
    }

    public OutputBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
    }

    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    public void write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    public void writeIntBigEndian(int value) {
        ensure(4);
        bytes[length] = (byte) (value >>> 24);
        bytes[length + 1] = (byte) (value >>> 16);
        bytes[length + 2] = (byte) (value >>> 8);
        bytes[length + 3] = (byte) value;
        length += 4;
    }

    public void writeLongBigEndian(long value) {
        writeIntBigEndian((int) (value >>> 32));
        writeIntBigEndian((int) value);
    }

    /** Appends {@code text} as UTF-8, without a length. */
    public void writeUtf8(CharSequence text) {
        int n = text.length();
        ensure(n);
        int pos = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = pos;
                byte[] encoded = text.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8);
                write(encoded, 0, encoded.length);
                return;
            }
            bytes[pos++] = (byte) c;
        }
        length = pos;
    }

    /** Appends a variable-length unsigned int: 7 bits per byte, low bits first. */
    public void writeVarInt(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            bytes[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) length + extra);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("serialized value larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
