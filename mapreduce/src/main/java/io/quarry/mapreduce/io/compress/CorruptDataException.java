package io.quarry.mapreduce.io.compress;

import java.io.UncheckedIOException;

/** Compressed bytes that do not decompress to what their framing says. */
public final class CorruptDataException extends UncheckedIOException {
    public CorruptDataException(String message, Throwable cause) {
        super(message, new java.io.IOException(message, cause));
    }
}
