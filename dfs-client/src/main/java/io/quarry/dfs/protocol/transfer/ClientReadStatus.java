package io.quarry.dfs.protocol.transfer;

/** Sent by a reader after the last packet: SUCCESS, or ERROR_CHECKSUM when the data it got was corrupt. */
public record ClientReadStatus(TransferStatus status) {
}
