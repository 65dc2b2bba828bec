package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Answered with Ack. Only the owner or a superuser may change permissions. */
public record SetPermission(String path, short permission) implements Idempotent {
}
