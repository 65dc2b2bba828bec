package io.quarry.dfs.protocol.client;

import io.quarry.dfs.protocol.FileStatusInfo;

/** A file status, or null when the path does not exist. */
public record FileStatusReply(FileStatusInfo status) {
}
