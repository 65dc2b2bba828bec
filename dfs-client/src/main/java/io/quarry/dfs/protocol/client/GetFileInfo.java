package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Status of one path; answered with {@link FileStatusReply} whose status is null when the path does not exist. */
public record GetFileInfo(String path) implements Idempotent {
}
