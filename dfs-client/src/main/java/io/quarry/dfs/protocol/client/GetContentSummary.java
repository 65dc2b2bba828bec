package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Answered with {@link io.quarry.dfs.protocol.ContentSummary}. */
public record GetContentSummary(String path) implements Idempotent {
}
