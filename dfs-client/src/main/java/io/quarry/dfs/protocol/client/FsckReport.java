package io.quarry.dfs.protocol.client;

/**
 * The report text, laid out as HDFS's fsck does, and the counts behind its verdict. The path is
 * HEALTHY when no block is missing or corrupt.
 */
public record FsckReport(String text, boolean healthy, long totalFiles, long totalBlocks, long underReplicatedBlocks,
                         long corruptBlocks, long missingBlocks) {
}
