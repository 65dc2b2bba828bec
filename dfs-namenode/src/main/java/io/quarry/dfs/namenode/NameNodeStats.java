package io.quarry.dfs.namenode;

/** Counts published by the controller at each tick, for /metrics and /status (read from other threads). */
public record NameNodeStats(long files, long directories, long blocks, long completeBlocks, long safeBlocks, int liveDatanodes,
                            int deadDatanodes, long underReplicated, long pendingReplications, int leases, boolean safeMode,
                            String safeModeStatus, long lastTxid, long durableTxid) {
    public static final NameNodeStats EMPTY = new NameNodeStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, "starting", 0, 0);
}
