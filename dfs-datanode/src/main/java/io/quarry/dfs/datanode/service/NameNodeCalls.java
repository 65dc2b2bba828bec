package io.quarry.dfs.datanode.service;

import java.io.IOException;

import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;

/** The NameNode calls that DataNode commands make themselves. */
public interface NameNodeCalls {
    void commitBlockSynchronization(CommitBlockSynchronization commit) throws IOException;
}
