package io.quarry.mapreduce.io.compress;

/**
 * Compresses whole blocks of bytes (record-file blocks, map-output segments). Stateless and
 * thread-safe; framing (block lengths) is the caller's job.
 */
public interface CompressionCodec {

    /** The name used in configuration and file headers: {@code none}, {@code lz4}, {@code zstd}. */
    String name();

    /** An upper bound of {@link #compress}'s output for {@code rawLength} input bytes. */
    int maxCompressedLength(int rawLength);

    /** Compresses {@code src[srcOffset, srcOffset + srcLength)} into {@code dst} at {@code dstOffset}; returns the bytes written. */
    int compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset);

    /**
     * Decompresses exactly {@code rawLength} bytes into {@code dst} at {@code dstOffset}; throws
     * {@link java.io.IOException}-compatible {@link CorruptDataException} when the input is damaged.
     */
    void decompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int rawLength);
}
