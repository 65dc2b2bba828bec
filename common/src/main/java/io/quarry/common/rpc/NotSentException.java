package io.quarry.common.rpc;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;

/** The request never left this process (no connection, or its write failed), so any request may be retried. */
final class NotSentException extends QuarryException {
    NotSentException(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }
}
