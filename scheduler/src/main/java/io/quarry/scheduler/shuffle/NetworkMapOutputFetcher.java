package io.quarry.scheduler.shuffle;

import java.io.IOException;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.runtime.FetchedSegment;
import io.quarry.mapreduce.runtime.MapOutputFetcher;

import static java.util.Objects.requireNonNull;

/**
 * A reduce attempt's {@link MapOutputFetcher} on a cluster: asks the {@link MapOutputLocator}
 * where a map's output is (waiting for the map to finish), then fetches the partition from that
 * Worker's shuffle server. Failures are {@link FetchFailedException}s naming the map, the Worker
 * and the attempt, so the Scheduler can re-run the map.
 */
public final class NetworkMapOutputFetcher implements MapOutputFetcher {
    private final MapOutputLocator locator;
    private final ShuffleClient client;
    private final boolean ownsClient;

    /** A fetcher with a client of its own, closed with it. */
    public NetworkMapOutputFetcher(MapOutputLocator locator, Configuration conf) {
        this(locator, new ShuffleClient("reduce", requireNonNull(conf, "conf is null")), true);
    }

    /** A fetcher sharing a Worker's client, which stays open when the fetcher is closed. */
    public NetworkMapOutputFetcher(MapOutputLocator locator, ShuffleClient client) {
        this(locator, client, false);
    }

    private NetworkMapOutputFetcher(MapOutputLocator locator, ShuffleClient client, boolean ownsClient) {
        this.locator = requireNonNull(locator, "locator is null");
        this.client = requireNonNull(client, "client is null");
        this.ownsClient = ownsClient;
    }

    @Override
    public FetchedSegment fetch(int mapIndex, int partition) throws IOException, InterruptedException {
        MapOutputLocation location = locator.locate(mapIndex);
        if (location == null) {
            throw new IOException("no location for the output of map " + mapIndex + " (partition " + partition + ")");
        }
        return client.fetch(location, mapIndex, partition);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
