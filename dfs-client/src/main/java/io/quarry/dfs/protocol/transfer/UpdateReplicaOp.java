package io.quarry.dfs.protocol.transfer;

import io.quarry.dfs.protocol.Block;

/** Lease recovery, phase 2: truncate the replica to {@code newLength}, finalize it at {@code newGenerationStamp}. Answered with {@link OpResponse}. */
public record UpdateReplicaOp(Block block, long newGenerationStamp, long newLength) {
}
