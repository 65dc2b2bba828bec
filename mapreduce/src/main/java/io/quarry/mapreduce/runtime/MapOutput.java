package io.quarry.mapreduce.runtime;

import java.nio.file.Path;

/**
 * What a map attempt with reducers leaves behind: the partitioned data file ({@code file.out})
 * and its index ({@code file.out.index}, see {@link MapOutputIndex}). {@link #NONE} for map-only
 * attempts, whose records went to the job's output format.
 */
public record MapOutput(Path dataFile, Path indexFile) {
    /** The output of a map-only attempt: nothing to shuffle. */
    public static final MapOutput NONE = new MapOutput(null, null);

    public MapOutput {
        if ((dataFile == null) != (indexFile == null)) {
            throw new IllegalArgumentException("data file and index file go together: " + dataFile + ", " + indexFile);
        }
    }

    public boolean isNone() {
        return dataFile == null;
    }
}
