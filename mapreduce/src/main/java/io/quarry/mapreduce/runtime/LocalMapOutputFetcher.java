package io.quarry.mapreduce.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches map output from local files, for reduce tasks running in the same process (or on the
 * same node) as the maps. The maps must have finished. Thread-safe: each fetch opens its own
 * stream, and indexes are read once.
 */
public final class LocalMapOutputFetcher implements MapOutputFetcher {
    private final List<MapOutput> outputs;
    private final Map<Integer, MapOutputIndex> indexes = new ConcurrentHashMap<>();

    public LocalMapOutputFetcher(List<MapOutput> outputsByMapIndex) {
        this.outputs = List.copyOf(Objects.requireNonNull(outputsByMapIndex, "outputsByMapIndex"));
    }

    @Override
    public FetchedSegment fetch(int mapIndex, int partition) throws IOException {
        if (mapIndex < 0 || mapIndex >= outputs.size()) {
            throw new IllegalArgumentException("map " + mapIndex + " out of range [0, " + outputs.size() + ")");
        }
        MapOutput output = outputs.get(mapIndex);
        if (output.isNone()) {
            throw new IllegalArgumentException("map " + mapIndex + " has no output to shuffle (map-only)");
        }
        MapOutputIndex index;
        try {
            index = indexes.computeIfAbsent(mapIndex, i -> {
                try {
                    return MapOutputIndex.read(output.indexFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return segment(mapIndex, output, index, partition);
    }

    /**
     * One partition of one finished map's output, read in place from its files (a reducer on the
     * node that ran the map needs no copy of it).
     */
    public static FetchedSegment inPlace(int mapIndex, MapOutput output, int partition) throws IOException {
        return segment(mapIndex, output, MapOutputIndex.read(output.indexFile()), partition);
    }

    private static FetchedSegment segment(int mapIndex, MapOutput output, MapOutputIndex index, int partition) throws IOException {
        IndexEntry entry = index.entry(partition);
        return new FetchedSegment(mapIndex, new FileRangeInputStream(output.dataFile(), entry.offset(), entry.storedLength()),
                entry.storedLength(), entry.rawLength(), index.codec(), entry.crc32c());
    }
}
