package io.quarry.dfs.protocol.datanode;

import java.util.List;

/** Every replica the DataNode holds. Sent after registration and every {@code dfs.blockreport.intervalMsec}. Answered with Ack. */
public record BlockReport(String datanodeUuid, List<ReplicaReport> replicas) {
    public BlockReport {
        replicas = List.copyOf(replicas);
    }
}
