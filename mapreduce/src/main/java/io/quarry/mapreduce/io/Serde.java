package io.quarry.mapreduce.io;

/**
 * Turns values of one type into bytes and back. A serialized value is always handed back with
 * its exact length (the record framing carries it), so encodings need no length prefix.
 */
public interface Serde<T> {

    Class<T> type();

    /** Appends the bytes of {@code value} to {@code out}. */
    void write(T value, OutputBuffer out);

    /**
     * Reads the value held in {@code bytes[offset, offset + length)}; fills and returns
     * {@code reuse} when the type is mutable and {@code reuse} is not null.
     */
    T read(byte[] bytes, int offset, int length, T reuse);

    /** True when unsigned byte order of the encoding is the natural order of the values. */
    default boolean bytesOrdered() {
        return false;
    }
}
