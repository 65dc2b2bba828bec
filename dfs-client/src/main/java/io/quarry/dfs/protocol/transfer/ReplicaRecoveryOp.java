package io.quarry.dfs.protocol.transfer;

import io.quarry.dfs.protocol.Block;

/**
 * Lease recovery, phase 1, from the primary to every replica holder: stop any writer of the
 * replica, move it to {@code newGenerationStamp}'s recovery, and answer with
 * {@link ReplicaRecoveryResponse} giving the checksum-verified length.
 */
public record ReplicaRecoveryOp(Block block, long newGenerationStamp) {
}
