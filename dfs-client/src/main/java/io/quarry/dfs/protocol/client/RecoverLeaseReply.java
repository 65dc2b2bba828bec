package io.quarry.dfs.protocol.client;

/** True when the file is closed (already, or by this call). */
public record RecoverLeaseReply(boolean closed) {
}
