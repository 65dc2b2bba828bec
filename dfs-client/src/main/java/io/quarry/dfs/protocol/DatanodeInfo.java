package io.quarry.dfs.protocol;

import static java.util.Objects.requireNonNull;

/** What the NameNode knows of a DataNode, for reports. */
public record DatanodeInfo(DatanodeId id, String rack, long capacity, long dfsUsed, long remaining,
                           long lastHeartbeatMillis, int activeTransfers, int blockCount, DatanodeState state) {
    public DatanodeInfo {
        requireNonNull(id, "id is null");
        requireNonNull(rack, "rack is null");
        requireNonNull(state, "state is null");
    }
}
