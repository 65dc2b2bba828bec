package io.quarry.dfs.protocol.transfer;

import java.util.List;

import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;

import static java.util.Objects.requireNonNull;

/**
 * Opens a block write on a DataNode. The DataNode connects to {@code downstream.get(0)} (if any)
 * and sends it the same op with the rest of the list, then answers with {@link OpResponse} once
 * the whole pipeline is set up ({@code firstBadLink} names the first node that could not be
 * reached). PACKET frames then flow down and ACK frames flow back. For
 * {@link WriteStage#PIPELINE_RECOVERY}, {@code block} carries the new generation stamp and
 * {@code previousGenerationStamp} the one the survivors hold.
 */
public record WriteBlockOp(Block block, long previousGenerationStamp, String clientName, List<DatanodeId> downstream,
                           WriteStage stage, int bytesPerChecksum, boolean syncOnClose) {
    public WriteBlockOp {
        requireNonNull(block, "block is null");
        requireNonNull(clientName, "clientName is null");
        requireNonNull(stage, "stage is null");
        downstream = List.copyOf(downstream);
        if (bytesPerChecksum <= 0 || bytesPerChecksum > 1 << 20) {
            throw new IllegalArgumentException("bytesPerChecksum out of range: " + bytesPerChecksum);
        }
    }
}
