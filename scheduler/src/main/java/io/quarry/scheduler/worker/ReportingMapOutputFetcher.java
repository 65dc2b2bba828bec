package io.quarry.scheduler.worker;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.quarry.common.error.QuarryException;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.runtime.FetchedSegment;
import io.quarry.mapreduce.runtime.LocalMapOutputFetcher;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.mapreduce.runtime.MapOutputFetcher;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.shuffle.FetchFailedException;
import io.quarry.scheduler.shuffle.MapOutputLocation;
import io.quarry.scheduler.shuffle.MapOutputRegistry;
import io.quarry.scheduler.shuffle.ShuffleClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A reduce attempt's map output fetcher on a Worker: fetches each map's partition from the
 * shuffle server the {@link SchedulerMapOutputLocator} names, or reads it in place when this
 * Worker ran the map itself (no copy through the network and back to disk). When a fetch fails it tells the
 * Scheduler ({@link SchedulerClient#reportFetchFailure}) and waits for the map's next location: a
 * re-run attempt's, or the same one again after a backoff (50 ms doubling to 2 s), so the reduce
 * survives a lost Worker. It never loops forever on its own: when the Scheduler gives up on the
 * map it fails the job, and the locator then throws. The shuffle client is the Worker's, shared.
 */
final class ReportingMapOutputFetcher implements MapOutputFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ReportingMapOutputFetcher.class);
    static final long FIRST_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final TaskAttemptId reduce;
    private final SchedulerMapOutputLocator locator;
    private final ShuffleClient shuffle;
    private final SchedulerClient scheduler;
    private final MapOutputRegistry localOutputs;

    ReportingMapOutputFetcher(TaskAttemptId reduce, SchedulerMapOutputLocator locator, ShuffleClient shuffle,
            SchedulerClient scheduler, MapOutputRegistry localOutputs) {
        this.reduce = requireNonNull(reduce, "reduce is null");
        this.locator = requireNonNull(locator, "locator is null");
        this.shuffle = requireNonNull(shuffle, "shuffle is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.localOutputs = requireNonNull(localOutputs, "localOutputs is null");
    }

    @Override
    public FetchedSegment fetch(int mapIndex, int partition) throws IOException, InterruptedException {
        MapOutputLocation location = locator.locate(mapIndex);
        long retryNanos = FIRST_RETRY_NANOS;
        while (true) {
            MapOutput local = localOutputs.get(location.mapAttempt());
            if (local != null) {
                try {
                    return LocalMapOutputFetcher.inPlace(mapIndex, local, partition);
                } catch (IOException e) {
                    // Removed under us (the job ended or the output was declared lost): the network path reports it.
                    LOG.debug("{}: cannot read the output of {} in place ({}); fetching it", reduce, location.mapAttempt(),
                            e.toString());
                }
            }
            try {
                return shuffle.fetch(location, mapIndex, partition);
            } catch (FetchFailedException e) {
                LOG.warn("{}: {}; telling the Scheduler and waiting for the map's output elsewhere", reduce, e.getMessage());
                report(e);
                location = locator.locateOther(mapIndex, location.mapAttempt(), retryNanos);
                retryNanos = Math.min(retryNanos * 2, MAX_RETRY_NANOS);
            }
        }
    }

    private void report(FetchFailedException failure) {
        try {
            scheduler.reportFetchFailure(reduce.toString(), failure.mapAttempt().toString(), failure.getMessage());
        } catch (QuarryException e) {
            LOG.warn("{}: could not report the failed fetch of {} to the Scheduler: {}", reduce, failure.mapAttempt(),
                    e.getMessage());
        }
    }
}
