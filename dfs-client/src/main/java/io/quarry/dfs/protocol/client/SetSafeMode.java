package io.quarry.dfs.protocol.client;

/** Answered with {@link SafeModeStatus}. ENTER and LEAVE need a superuser. */
public record SetSafeMode(SafeModeAction action) {
}
