package io.quarry.common.rpc;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;

import static java.util.Objects.requireNonNull;

/** An error answer: a stable code and a message for people. */
public record RpcError(int code, String message) {
    public RpcError {
        requireNonNull(message, "message is null");
    }

    public static RpcError of(ErrorCode code, String message) {
        return new RpcError(code.id(), message);
    }

    public ErrorCode errorCode() {
        return ErrorCode.fromId(code);
    }

    public QuarryException toException() {
        return new QuarryException(errorCode(), message);
    }
}
