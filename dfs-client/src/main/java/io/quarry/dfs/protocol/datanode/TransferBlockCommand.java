package io.quarry.dfs.protocol.datanode;

import java.util.List;

import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;

/** Copy a finalized replica to these DataNodes (re-replication). Targets report the new replica themselves. */
public record TransferBlockCommand(Block block, List<DatanodeId> targets) implements DatanodeCommand {
    public TransferBlockCommand {
        targets = List.copyOf(targets);
    }
}
