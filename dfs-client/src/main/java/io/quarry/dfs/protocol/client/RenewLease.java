package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Keeps the leases of every file {@code clientName} has open. Answered with Ack. */
public record RenewLease(String clientName) implements Idempotent {
}
