package io.quarry.common.error;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * An error with a wire code. It is an {@link IOException} because most failures in a distributed
 * filesystem are I/O failures from the caller's point of view, as Hadoop users expect.
 */
public class QuarryException extends IOException {
    private final ErrorCode code;

    public QuarryException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public QuarryException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public boolean isRetriable() {
        return code.isRetriable();
    }
}
