package io.quarry.dfs.protocol.datanode;

import io.quarry.dfs.protocol.Block;

public record ReplicaChange(Block block, ReplicaChangeType type) {
}
