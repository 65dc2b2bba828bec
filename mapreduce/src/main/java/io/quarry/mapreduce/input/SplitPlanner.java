package io.quarry.mapreduce.input;

import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one file into splits as Hadoop's {@code FileInputFormat} does: the split size is
 * {@code max(minSize, min(maxSize, blockSize))}, and the last split may be up to 10% larger than
 * that rather than leave a sliver. Each split carries the hosts of the block holding its first
 * byte. An empty file gives one empty split, so every input file has a map task, as in Hadoop.
 */
final class SplitPlanner {
    /** The last split may be this much larger than the split size. */
    static final double SPLIT_SLOP = 1.1;

    private final long minSize;
    private final long maxSize;

    SplitPlanner(long minSize, long maxSize) {
        if (minSize < 1 || maxSize < minSize) {
            throw new IllegalArgumentException("split sizes must satisfy 1 <= minsize <= maxsize, got minsize " + minSize
                    + " and maxsize " + maxSize);
        }
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    long splitSize(long blockSize) {
        return Math.max(minSize, Math.min(maxSize, blockSize));
    }

    /**
     * The splits of a file of {@code length} bytes, in file order.
     *
     * @param blocks where the file's blocks are stored (may be empty when unknown)
     * @param splitable false to read the whole file in one split (e.g. compressed input)
     */
    List<FileSplit> plan(Path path, long length, long blockSize, boolean splitable, List<BlockLocation> blocks) {
        if (length == 0) {
            return List.of(new FileSplit(path, 0, 0, List.of()));
        }
        if (!splitable) {
            return List.of(new FileSplit(path, 0, length, hostsAt(blocks, 0)));
        }
        long splitSize = splitSize(blockSize);
        List<FileSplit> splits = new ArrayList<>();
        long remaining = length;
        while ((double) remaining / splitSize > SPLIT_SLOP) {
            long start = length - remaining;
            splits.add(new FileSplit(path, start, splitSize, hostsAt(blocks, start)));
            remaining -= splitSize;
        }
        long start = length - remaining;
        splits.add(new FileSplit(path, start, remaining, hostsAt(blocks, start)));
        return splits;
    }

    private static List<String> hostsAt(List<BlockLocation> blocks, long offset) {
        for (BlockLocation block : blocks) {
            if (offset >= block.offset() && offset < block.offset() + block.length()) {
                return block.hosts();
            }
        }
        return List.of();
    }
}
