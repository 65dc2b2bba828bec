package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/** Checks the health of every block under a path. Answered with {@link FsckReport}. */
public record Fsck(String path, boolean listFiles, boolean listBlocks, boolean listLocations, boolean listRacks)
        implements Idempotent {
}
