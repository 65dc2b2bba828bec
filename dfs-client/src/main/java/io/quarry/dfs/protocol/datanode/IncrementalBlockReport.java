package io.quarry.dfs.protocol.datanode;

import java.util.List;

/** Replica changes since the last report, sent as soon as they happen (batched briefly). Answered with Ack. */
public record IncrementalBlockReport(String datanodeUuid, List<ReplicaChange> changes) {
    public IncrementalBlockReport {
        changes = List.copyOf(changes);
    }
}
