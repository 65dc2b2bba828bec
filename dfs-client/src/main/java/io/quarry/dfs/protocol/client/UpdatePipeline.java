package io.quarry.dfs.protocol.client;

import java.util.List;

import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;

/** Second step of pipeline recovery: records the new stamp and the surviving nodes. Answered with Ack. */
public record UpdatePipeline(String clientName, Block oldBlock, Block newBlock, List<DatanodeId> newNodes) {
    public UpdatePipeline {
        newNodes = List.copyOf(newNodes);
    }
}
