package io.quarry.dfs.protocol.client;

import io.quarry.dfs.protocol.Block;

/**
 * Commits the last block and closes the file. Answered with {@link CompleteReply}; completed is
 * false while the last block has fewer than the minimum replicas reported, and the client retries.
 */
public record Complete(String path, long fileId, String clientName, Block last) {
}
