package io.quarry.common.codec;

/** Bytes that do not decode into a registered message, or an object that cannot be encoded. */
public class CodecException extends RuntimeException {
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }

    public CodecException(String message) {
        super(message);
    }
}
