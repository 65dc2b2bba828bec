package io.quarry.mapreduce.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Mutable UTF-8 text, the fast key and value type: mappers can fill one instance per record
 * without creating strings. Ordered by unsigned bytes (i.e. by code point).
 */
public final class Text implements Comparable<Text> {
    private static final byte[] EMPTY = new byte[0];
    private byte[] bytes = EMPTY;
    private int length;

    public Text() {
    }

    public Text(String value) {
        set(value);
    }

    public Text(Text other) {
        set(other.bytes, 0, other.length);
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public Text set(String value) {
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        bytes = encoded;
        length = encoded.length;
        return this;
    }

    /** Copies {@code source[offset, offset + count)}. */
    public Text set(byte[] source, int offset, int count) {
        if (bytes.length < count) {
            bytes = new byte[Math.max(count, Math.min(Integer.MAX_VALUE - 16, bytes.length * 2))];
        }
        System.arraycopy(source, offset, bytes, 0, count);
        length = count;
        return this;
    }

    public Text set(Text other) {
        return set(other.bytes, 0, other.length);
    }

    public void clear() {
        length = 0;
    }

    @Override
    public int compareTo(Text other) {
        return Arrays.compareUnsigned(bytes, 0, length, other.bytes, 0, other.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && Arrays.equals(bytes, 0, length, text.bytes, 0, text.length);
    }

    /** Stable across processes (it decides partitions): 31·h + b over the bytes. */
    @Override
    public int hashCode() {
        return hashBytes(bytes, 0, length);
    }

    public static int hashBytes(byte[] data, int offset, int count) {
        int hash = 1;
        for (int i = offset; i < offset + count; i++) {
            hash = 31 * hash + data[i];
        }
        return hash;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
