package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Changes owner and/or group (null leaves one unchanged). Only a superuser may change the owner. Answered with Ack. */
public record SetOwner(String path, String owner, String group) implements Idempotent {
}
