package io.quarry.dfs.protocol.transfer;

/**
 * Answer to {@link ReadBlockOp}: on success, {@code firstChunkOffset} is where the first packet
 * starts and {@code replicaLength} how many bytes the replica holds.
 */
public record ReadBlockResponse(TransferStatus status, String message, int bytesPerChecksum, long firstChunkOffset,
                                long replicaLength) {
}
