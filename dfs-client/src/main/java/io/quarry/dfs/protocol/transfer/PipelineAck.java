package io.quarry.dfs.protocol.transfer;

import java.util.List;

/** Acknowledges packet {@code seqno}: one status per pipeline node, from the acking node downstream. */
public record PipelineAck(long seqno, List<TransferStatus> statuses) {
    public PipelineAck {
        statuses = List.copyOf(statuses);
    }

    public boolean isSuccess() {
        for (TransferStatus status : statuses) {
            if (status != TransferStatus.SUCCESS) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first node that failed, or -1. */
    public int firstFailure() {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) != TransferStatus.SUCCESS) {
                return i;
            }
        }
        return -1;
    }
}
