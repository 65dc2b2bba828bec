package io.quarry.scheduler.shuffle;

import java.io.IOException;

/**
 * Tells a reducer where each map's output is. On a cluster the Scheduler answers from its
 * Workers' heartbeats; {@link #locate} blocks until the map has a finished attempt.
 */
@FunctionalInterface
public interface MapOutputLocator {

    /**
     * The location of map {@code mapIndex}'s output, once the map has finished.
     *
     * @throws IOException when the location cannot be learned (the job failed or was killed, the Scheduler is unreachable)
     */
    MapOutputLocation locate(int mapIndex) throws IOException, InterruptedException;
}
