package io.quarry.dfs.protocol.client;

/** False when there was nothing to delete. */
public record DeleteReply(boolean deleted) {
}
