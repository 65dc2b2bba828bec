package io.quarry.mapreduce.input;

import static java.util.Objects.requireNonNull;

import io.quarry.dfs.Path;
import java.util.List;

/**
 * The byte range {@code [start, start + length)} of one file, read by one map task, with the
 * hosts that store its first block.
 */
public record FileSplit(Path path, long start, long length, List<String> hosts) implements InputSplit {
    public FileSplit {
        requireNonNull(path, "path is null");
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("split of " + path + " has negative start " + start + " or length " + length);
        }
        hosts = List.copyOf(hosts);
    }

    /** The first byte after the split. */
    public long end() {
        return start + length;
    }

    @Override
    public List<String> locations() {
        return hosts;
    }

    @Override
    public String toString() {
        return path + ":" + start + "+" + length;
    }
}
