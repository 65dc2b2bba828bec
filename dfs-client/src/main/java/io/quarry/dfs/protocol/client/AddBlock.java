package io.quarry.dfs.protocol.client;

import java.util.List;

import io.quarry.dfs.protocol.Block;

/**
 * Commits {@code previous} (the last block written, with its final length; null for the first
 * block) and allocates the next block with its pipeline. {@code excludedNodes} are DataNode uuids
 * the client failed to reach. {@code clientHost} lets the NameNode place the first replica on the
 * writer's node. Answered with {@link io.quarry.dfs.protocol.LocatedBlock}.
 */
public record AddBlock(String path, long fileId, String clientName, Block previous, List<String> excludedNodes,
                       String clientHost) {
    public AddBlock {
        excludedNodes = List.copyOf(excludedNodes);
    }
}
