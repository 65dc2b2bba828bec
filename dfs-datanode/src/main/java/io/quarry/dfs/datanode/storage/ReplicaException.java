package io.quarry.dfs.datanode.storage;

import java.io.IOException;

import io.quarry.dfs.protocol.transfer.TransferStatus;

import static java.util.Objects.requireNonNull;

/** A replica operation was refused; {@link #status()} is the transfer status to answer with. */
public final class ReplicaException extends IOException {
    private final TransferStatus status;

    public ReplicaException(TransferStatus status, String message) {
        super(message);
        this.status = requireNonNull(status, "status is null");
    }

    public TransferStatus status() {
        return status;
    }
}
