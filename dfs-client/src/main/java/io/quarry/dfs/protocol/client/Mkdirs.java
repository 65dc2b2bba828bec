package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Creates a directory (and its parents when {@code createParent}); succeeds if it already exists. Answered with Ack. */
public record Mkdirs(String path, short permission, boolean createParent) implements Idempotent {
}
