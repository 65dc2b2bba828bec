package io.quarry.dfs.protocol.transfer;

/**
 * Answer to {@link LocalReadOp}: on success, the absolute paths of the replica's block and
 * checksum files and its length; on refusal, the status and why.
 */
public record LocalReadResponse(TransferStatus status, String message, String blockFile, String metaFile, long replicaLength) {
    public static LocalReadResponse refused(TransferStatus status, String message) {
        return new LocalReadResponse(status, message, "", "", 0);
    }
}
