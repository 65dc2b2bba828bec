package io.quarry.dfs.protocol.datanode;

import java.util.List;

import io.quarry.dfs.protocol.Block;

/**
 * The primary DataNode of a block recovery reports its outcome: the replicas on
 * {@code newTargetUuids} now hold {@code newLength} bytes at {@code newGenerationStamp}. With
 * {@code closeFile} the NameNode completes the file and releases its lease. With
 * {@code deleteBlock} no replica had data and the block is removed from the file. Answered with Ack.
 */
public record CommitBlockSynchronization(Block oldBlock, long newGenerationStamp, long newLength, boolean closeFile,
                                         boolean deleteBlock, List<String> newTargetUuids) {
    public CommitBlockSynchronization {
        newTargetUuids = List.copyOf(newTargetUuids);
    }
}
