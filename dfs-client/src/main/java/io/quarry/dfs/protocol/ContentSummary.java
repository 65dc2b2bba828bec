package io.quarry.dfs.protocol;

/** Totals under a path, for {@code dfs -du} and {@code -count}. spaceConsumed counts every replica. */
public record ContentSummary(long length, long fileCount, long directoryCount, long spaceConsumed) {
}
