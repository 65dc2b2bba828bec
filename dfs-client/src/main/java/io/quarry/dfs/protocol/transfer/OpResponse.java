package io.quarry.dfs.protocol.transfer;

/** Generic answer to a transfer op. {@code firstBadLink} names a pipeline node that failed, or is empty. */
public record OpResponse(TransferStatus status, String message, String firstBadLink) {
    public static OpResponse success() {
        return new OpResponse(TransferStatus.SUCCESS, "", "");
    }
}
