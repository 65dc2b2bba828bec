package io.quarry.dfs.protocol.client;

public record CompleteReply(boolean completed) {
}
