package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import io.quarry.common.time.Clock;
import io.quarry.dfs.namenode.NameNodeConfig;
import io.quarry.dfs.namenode.blocks.BlockManager;
import io.quarry.dfs.namenode.blocks.PendingTransfers;
import io.quarry.dfs.namenode.datanodes.DatanodeManager;
import io.quarry.dfs.namenode.leases.LeaseManager;
import io.quarry.dfs.namenode.namespace.FsDirectory;
import io.quarry.dfs.namenode.namespace.PermissionChecker;
import io.quarry.dfs.namenode.placement.PlacementPolicy;
import io.quarry.dfs.namenode.safemode.SafeMode;

/** The managers that together hold the NameNode's state, each owning one slice. Controller thread only. */
public record MetadataState(NameNodeConfig config, Clock clock, FsDirectory directory, BlockManager blocks,
                            DatanodeManager datanodes, LeaseManager leases, SafeMode safeMode, PendingTransfers pendingTransfers,
                            PlacementPolicy placement, PermissionChecker permissions, String clusterId) {
    public MetadataState {
        requireNonNull(config, "config is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(blocks, "blocks is null");
        requireNonNull(datanodes, "datanodes is null");
        requireNonNull(leases, "leases is null");
        requireNonNull(safeMode, "safeMode is null");
        requireNonNull(pendingTransfers, "pendingTransfers is null");
        requireNonNull(placement, "placement is null");
        requireNonNull(permissions, "permissions is null");
        requireNonNull(clusterId, "clusterId is null");
    }
}
