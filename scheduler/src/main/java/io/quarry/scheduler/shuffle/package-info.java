/**
 * The network shuffle: a Worker's {@link io.quarry.scheduler.shuffle.ShuffleServer} serves the
 * map outputs it holds (registered in a {@link io.quarry.scheduler.shuffle.MapOutputRegistry}) to
 * reducers on other nodes, sending each partition from the map output file straight to the socket
 * (sendfile); a reduce attempt's {@link io.quarry.scheduler.shuffle.NetworkMapOutputFetcher} asks a
 * {@link io.quarry.scheduler.shuffle.MapOutputLocator} where each map's output is and streams the
 * partition through a {@link io.quarry.scheduler.shuffle.ShuffleClient}, buffering a bounded amount
 * ahead of the reducer. Failures reach the reducer as
 * {@link io.quarry.scheduler.shuffle.FetchFailedException}s naming the map, the Worker and the
 * attempt, so the Scheduler can re-run the map. The wire format is in {@code ShuffleProtocol}.
 */
package io.quarry.scheduler.shuffle;
