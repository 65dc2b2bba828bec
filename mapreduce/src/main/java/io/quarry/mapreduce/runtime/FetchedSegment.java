package io.quarry.mapreduce.runtime;

import java.io.InputStream;
import java.util.Objects;

/**
 * One map's output for one partition, as stored: {@code storedLength} bytes on {@code stream}
 * (compressed with {@code codec} when map output compression is on) that decode to
 * {@code rawLength} bytes of records, with the CRC32C of the stored bytes from the map's index
 * ({@link #UNKNOWN_CRC} when the fetcher does not know it; then nothing is verified). The receiver
 * closes the stream.
 */
public record FetchedSegment(int mapIndex, InputStream stream, long storedLength, long rawLength, String codec,
        long crc32c) {
    /** The checksum of a segment whose fetcher cannot tell it. */
    public static final long UNKNOWN_CRC = -1;

    public FetchedSegment {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(codec, "codec");
    }

    /** A segment without a known checksum. */
    public FetchedSegment(int mapIndex, InputStream stream, long storedLength, long rawLength, String codec) {
        this(mapIndex, stream, storedLength, rawLength, codec, UNKNOWN_CRC);
    }
}
