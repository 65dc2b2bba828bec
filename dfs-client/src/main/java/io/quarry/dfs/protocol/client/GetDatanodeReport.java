package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Answered with {@link DatanodeReport}. */
public record GetDatanodeReport() implements Idempotent {
}
