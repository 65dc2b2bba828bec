package io.quarry.dfs.protocol.transfer;

public enum WriteStage {
    /** A client writes a new block through a pipeline. */
    CREATE,
    /** A client resumes a block after pipeline recovery: the survivors keep their bytes and move to the new stamp. */
    PIPELINE_RECOVERY,
    /** A DataNode copies a finalized replica to another (re-replication); no downstream nodes. */
    TRANSFER
}
