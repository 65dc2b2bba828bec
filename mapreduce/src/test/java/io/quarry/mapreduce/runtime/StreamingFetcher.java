package io.quarry.mapreduce.runtime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Serves local map output as plain streams, as a fetcher over the network would, so the reduce
 * side holds segments in memory or copies them to its own disk instead of reading the map files.
 */
final class StreamingFetcher implements MapOutputFetcher {
    private final LocalMapOutputFetcher local;

    StreamingFetcher(List<MapOutput> outputs) {
        this.local = new LocalMapOutputFetcher(outputs);
    }

    @Override
    public FetchedSegment fetch(int mapIndex, int partition) throws IOException {
        FetchedSegment segment = local.fetch(mapIndex, partition);
        return new FetchedSegment(mapIndex, new FilterInputStream(segment.stream()) { }, segment.storedLength(),
                segment.rawLength(), segment.codec());
    }
}
