package io.quarry.dfs.protocol.client;

import java.util.List;

import io.quarry.dfs.protocol.DatanodeInfo;

/** Cluster totals and every DataNode, live and dead, for {@code dfsadmin -report}. */
public record DatanodeReport(long capacity, long dfsUsed, long remaining, long underReplicatedBlocks,
                             long corruptBlocks, long missingBlocks, List<DatanodeInfo> datanodes) {
    public DatanodeReport {
        datanodes = List.copyOf(datanodes);
    }
}
