package io.quarry.dfs.protocol.transfer;

import io.quarry.dfs.protocol.Block;

import static java.util.Objects.requireNonNull;

/**
 * Reads [offset, offset + length) of a replica. The DataNode answers with {@link ReadBlockResponse},
 * then PACKET frames starting at the chunk boundary at or before {@code offset}, the last one
 * flagged last (possibly with no data). The client then sends a {@link ClientReadStatus}.
 */
public record ReadBlockOp(Block block, long offset, long length, String clientName) {
    public ReadBlockOp {
        requireNonNull(block, "block is null");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
    }
}
