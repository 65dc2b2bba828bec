package io.quarry.dfs.protocol;

/** The state of one replica on a DataNode. */
public enum ReplicaState {
    /** Complete: its length and checksums are final. */
    FINALIZED,
    /** Being written (or left behind by a writer that died): may still grow. */
    RBW
}
