package io.quarry.dfs.datanode.transfer;

import java.io.IOException;

import io.quarry.dfs.protocol.transfer.TransferStatus;

/** A packet could not be written locally; {@link #status()} goes into this node's ack. */
final class PacketWriteException extends IOException {
    private final TransferStatus status;

    PacketWriteException(TransferStatus status, String message) {
        super(message);
        this.status = status;
    }

    TransferStatus status() {
        return status;
    }
}
