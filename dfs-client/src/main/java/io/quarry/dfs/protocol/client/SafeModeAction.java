package io.quarry.dfs.protocol.client;

public enum SafeModeAction {
    GET,
    ENTER,
    LEAVE
}
