package io.quarry.dfs.namenode.placement;

import java.util.List;
import java.util.Set;

import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;

/** Chooses DataNodes for new replicas. */
public interface PlacementPolicy {
    /**
     * Chooses up to {@code count} more nodes for a block that already has replicas on {@code existing}.
     * Never returns a dead, excluded, full or already chosen node; may return fewer when the cluster is short.
     */
    List<DatanodeDescriptor> chooseTargets(int count, String writerHost, List<DatanodeDescriptor> existing,
                                           Set<String> excludedUuids, long blockSize);
}
