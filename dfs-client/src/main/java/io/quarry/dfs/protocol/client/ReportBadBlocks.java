package io.quarry.dfs.protocol.client;

import java.util.List;

import io.quarry.dfs.protocol.LocatedBlock;

/** A reader found these replicas corrupt: each block with the DataNodes whose copy failed. Answered with Ack. */
public record ReportBadBlocks(List<LocatedBlock> blocks) {
    public ReportBadBlocks {
        blocks = List.copyOf(blocks);
    }
}
