package io.quarry.dfs.protocol.datanode;

import io.quarry.common.rpc.Idempotent;

/** Sent every {@code dfs.heartbeat.interval}. Answered with {@link HeartbeatReply}. */
public record Heartbeat(String datanodeUuid, long capacity, long dfsUsed, long remaining, int activeTransfers,
                        int failedVolumes) implements Idempotent {
}
