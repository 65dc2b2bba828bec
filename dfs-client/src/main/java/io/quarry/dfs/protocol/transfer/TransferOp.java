package io.quarry.dfs.protocol.transfer;

import static java.util.Objects.requireNonNull;

/** A decoded OP frame: one of the op or response records of this package. */
public record TransferOp(Object message) {
    public TransferOp {
        requireNonNull(message, "message is null");
    }
}
