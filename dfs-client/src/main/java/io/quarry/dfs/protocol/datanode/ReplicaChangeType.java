package io.quarry.dfs.protocol.datanode;

public enum ReplicaChangeType {
    /** A replica is being written here. */
    RECEIVING,
    /** A replica was finalized here (written, copied or recovered). */
    RECEIVED,
    /** A replica was deleted here. */
    DELETED
}
