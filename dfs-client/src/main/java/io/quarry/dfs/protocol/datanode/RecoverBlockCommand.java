package io.quarry.dfs.protocol.datanode;

import java.util.List;

import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;

/**
 * Lease recovery of a block left open by a dead writer. The receiving DataNode is the primary:
 * it asks each replica holder for its durable length ({@code ReplicaRecoveryOp}), agrees on the
 * minimum, has every holder truncate and finalize at {@code newGenerationStamp}
 * ({@code UpdateReplicaOp}), then calls {@link CommitBlockSynchronization}.
 */
public record RecoverBlockCommand(Block block, long newGenerationStamp, List<DatanodeId> replicas) implements DatanodeCommand {
    public RecoverBlockCommand {
        replicas = List.copyOf(replicas);
    }
}
