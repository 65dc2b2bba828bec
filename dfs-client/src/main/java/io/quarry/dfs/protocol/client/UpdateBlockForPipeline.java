package io.quarry.dfs.protocol.client;

import io.quarry.dfs.protocol.Block;

/**
 * First step of pipeline recovery: asks for a new generation stamp for the block being written,
 * so replicas on nodes dropped from the pipeline become stale. Answered with a
 * {@link io.quarry.dfs.protocol.LocatedBlock} carrying the new stamp.
 */
public record UpdateBlockForPipeline(Block block, String clientName) {
}
