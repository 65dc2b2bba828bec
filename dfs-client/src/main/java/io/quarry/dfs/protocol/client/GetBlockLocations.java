package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/**
 * The blocks of a file overlapping [offset, offset + length), each with its replicas sorted closest
 * to {@code clientHost} first. Answered with {@link io.quarry.dfs.protocol.LocatedBlocks}.
 */
public record GetBlockLocations(String path, long offset, long length, String clientHost) implements Idempotent {
}
