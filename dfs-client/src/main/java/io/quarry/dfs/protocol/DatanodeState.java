package io.quarry.dfs.protocol;

public enum DatanodeState {
    LIVE,
    DEAD
}
