package io.quarry.mapreduce.io;

import java.util.Arrays;
import java.util.HexFormat;

/** Mutable raw bytes, ordered unsigned lexicographically. */
public final class BytesValue implements Comparable<BytesValue> {
    private byte[] bytes = new byte[0];
    private int length;

    public BytesValue() {
    }

    public BytesValue(byte[] value) {
        set(value, 0, value.length);
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Copies {@code source[offset, offset + count)}. */
    public BytesValue set(byte[] source, int offset, int count) {
        if (bytes.length < count) {
            bytes = new byte[count];
        }
        System.arraycopy(source, offset, bytes, 0, count);
        length = count;
        return this;
    }

    public byte[] copyBytes() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public int compareTo(BytesValue other) {
        return Arrays.compareUnsigned(bytes, 0, length, other.bytes, 0, other.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BytesValue that && Arrays.equals(bytes, 0, length, that.bytes, 0, that.length);
    }

    @Override
    public int hashCode() {
        return Text.hashBytes(bytes, 0, length);
    }

    /** Hex digits, as text output shows bytes. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes, 0, length);
    }
}
