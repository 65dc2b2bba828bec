package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Changes the target replica count of a file. Answered with Ack. */
public record SetReplication(String path, short replication) implements Idempotent {
}
