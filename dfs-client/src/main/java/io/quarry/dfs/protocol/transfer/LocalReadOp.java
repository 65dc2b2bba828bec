package io.quarry.dfs.protocol.transfer;

import io.quarry.dfs.protocol.Block;

import static java.util.Objects.requireNonNull;

/**
 * Asks a DataNode on the client's own host where a finalized replica's files are, so the client
 * can read and verify them itself (a short-circuit local read). The DataNode answers with
 * {@link LocalReadResponse} and closes; it refuses peers on other hosts and replicas still being
 * written, and the client then reads over the socket as usual.
 */
public record LocalReadOp(Block block, String clientName) {
    public LocalReadOp {
        requireNonNull(block, "block is null");
        requireNonNull(clientName, "clientName is null");
    }
}
