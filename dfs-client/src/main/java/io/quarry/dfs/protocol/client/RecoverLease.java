package io.quarry.dfs.protocol.client;

/** Starts recovery of a file left open by another writer. Answered with {@link RecoverLeaseReply}. */
public record RecoverLease(String path, String clientName) {
}
