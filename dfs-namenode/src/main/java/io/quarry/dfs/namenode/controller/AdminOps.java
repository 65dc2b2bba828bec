package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.blocks.BlockInfo;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.namespace.Caller;
import io.quarry.dfs.protocol.DatanodeInfo;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.SafeModeStatus;
import io.quarry.dfs.protocol.client.SetSafeMode;

/** Administration: safe mode, the DataNode report and cluster block health counts. */
public final class AdminOps {
    private final MetadataState state;

    public AdminOps(MetadataState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public SafeModeStatus setSafeMode(Caller caller, SetSafeMode request) throws QuarryException {
        switch (request.action()) {
            case ENTER -> {
                state.permissions().checkSuperuser(caller, "safemode enter");
                state.safeMode().enter();
            }
            case LEAVE -> {
                state.permissions().checkSuperuser(caller, "safemode leave");
                state.safeMode().leave();
            }
            default -> {
            }
        }
        return new SafeModeStatus(state.safeMode().isOn(), state.safeMode().status());
    }

    /** Counts over every complete block: [under-replicated, corrupt, missing]. O(blocks); for reports, not per operation. */
    public long[] blockHealth() {
        long under = 0;
        long corrupt = 0;
        long missing = 0;
        for (BlockInfo info : state.blocks().all()) {
            if (!info.isComplete()) {
                continue;
            }
            int good = state.blocks().goodReplicaCount(info);
            if (good == 0) {
                if (!info.corrupt().isEmpty()) {
                    corrupt++;
                } else {
                    missing++;
                }
            } else if (good < info.file().replication()) {
                under++;
            }
        }
        return new long[] {under, corrupt, missing};
    }

    public DatanodeReport datanodeReport() {
        long capacity = 0;
        long used = 0;
        long remaining = 0;
        List<DatanodeInfo> infos = new ArrayList<>();
        for (DatanodeDescriptor node : state.datanodes().all()) {
            DatanodeInfo info = node.info();
            infos.add(info);
            if (node.isAlive()) {
                capacity += info.capacity();
                used += info.dfsUsed();
                remaining += info.remaining();
            }
        }
        long[] health = blockHealth();
        return new DatanodeReport(capacity, used, remaining, health[0], health[1], health[2], infos);
    }
}
