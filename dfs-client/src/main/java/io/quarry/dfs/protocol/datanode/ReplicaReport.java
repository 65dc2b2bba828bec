package io.quarry.dfs.protocol.datanode;

import io.quarry.dfs.protocol.ReplicaState;

/** One replica in a block report; for RBW replicas numBytes is the checksum-verified length on disk. */
public record ReplicaReport(long blockId, long generationStamp, long numBytes, ReplicaState state) {
}
