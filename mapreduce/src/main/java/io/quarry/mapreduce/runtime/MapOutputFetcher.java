package io.quarry.mapreduce.runtime;

import java.io.Closeable;
import java.io.IOException;

/**
 * How a reduce task obtains map output: from local files in-process, over the network on a
 * cluster. {@link #fetch} may block until the map has finished. A reduce task calls it from up to
 * {@code mapreduce.reduce.shuffle.parallelcopies} threads at once, so implementations are
 * thread-safe.
 */
public interface MapOutputFetcher extends Closeable {

    /** The segment of map {@code mapIndex} for reduce partition {@code partition}. */
    FetchedSegment fetch(int mapIndex, int partition) throws IOException, InterruptedException;

    @Override
    default void close() throws IOException {
    }
}
