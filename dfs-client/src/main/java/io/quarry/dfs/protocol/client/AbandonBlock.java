package io.quarry.dfs.protocol.client;

import io.quarry.dfs.protocol.Block;

/** Drops the last allocated block when no pipeline could be built for it. Answered with Ack. */
public record AbandonBlock(Block block, String path, long fileId, String clientName) {
}
