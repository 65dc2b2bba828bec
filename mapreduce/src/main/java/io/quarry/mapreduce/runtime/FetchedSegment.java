package io.quarry.mapreduce.runtime;

import java.io.InputStream;
import java.util.Objects;

/**
 * One map's output for one partition, as stored: {@code storedLength} bytes on {@code stream}
 * (compressed with {@code codec} when map output compression is on) that decode to
 * {@code rawLength} bytes of records. The receiver closes the stream.
 */
public record FetchedSegment(int mapIndex, InputStream stream, long storedLength, long rawLength, String codec) {
    public FetchedSegment {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(codec, "codec");
    }
}
