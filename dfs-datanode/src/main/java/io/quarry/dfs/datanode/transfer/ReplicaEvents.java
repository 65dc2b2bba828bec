package io.quarry.dfs.datanode.transfer;

import io.quarry.dfs.protocol.Block;

/** What the transfer server tells the NameNode service about replicas. */
public interface ReplicaEvents {
    void receiving(Block block);

    void received(Block block);

    /** A replica of this DataNode failed verification. */
    void corrupt(Block block, String reason);
}
