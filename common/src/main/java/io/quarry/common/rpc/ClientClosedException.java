package io.quarry.common.rpc;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;

/** The client was closed (or the caller interrupted): no retry can help. */
final class ClientClosedException extends QuarryException {
    ClientClosedException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
