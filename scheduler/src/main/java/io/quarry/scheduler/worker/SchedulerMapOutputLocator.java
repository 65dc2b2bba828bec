package io.quarry.scheduler.worker;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.scheduler.protocol.MapOutputs;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.protocol.WireMapOutput;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.shuffle.MapOutputLocation;
import io.quarry.scheduler.shuffle.MapOutputLocator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A reduce attempt's view of where its job's map outputs are, asked of the Scheduler
 * ({@link SchedulerClient#mapOutputs}). The answer is cached for the job; a map not yet listed is
 * waited for with a short backoff (5 ms doubling to 200 ms) and a fresh answer at most every few
 * milliseconds, however many fetch threads wait. Once the job is no longer RUNNING every wait ends
 * with an IOException naming the job's state and failure. Thread-safe.
 */
public final class SchedulerMapOutputLocator implements MapOutputLocator {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerMapOutputLocator.class);
    static final long FIRST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The Scheduler is asked at most this often. */
    static final long MIN_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    /** Consecutive failed calls after which the Scheduler counts as unreachable. */
    static final int MAX_CALL_FAILURES = 20;

    private final JobId job;
    private final SchedulerClient scheduler;
    private Map<Integer, MapOutputLocation> known = Map.of();
    private long refreshedAtNanos;
    private boolean refreshed;
    private IOException ended;

    public SchedulerMapOutputLocator(JobId job, SchedulerClient scheduler) {
        this.job = requireNonNull(job, "job is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    @Override
    public MapOutputLocation locate(int mapIndex) throws IOException, InterruptedException {
        return await(mapIndex, null, 0);
    }

    /**
     * A location of map {@code mapIndex} other than {@code failed}'s, waiting for the map to re-run;
     * after {@code retrySameAfterNanos} the failed attempt's location is handed out again, so a
     * passing network failure does not wait for a re-run that never comes.
     */
    public MapOutputLocation locateOther(int mapIndex, TaskAttemptId failed, long retrySameAfterNanos)
            throws IOException, InterruptedException {
        return await(mapIndex, requireNonNull(failed, "failed is null"), System.nanoTime() + retrySameAfterNanos);
    }

    private MapOutputLocation await(int mapIndex, TaskAttemptId avoid, long retrySameAtNanos)
            throws IOException, InterruptedException {
        long wait = FIRST_WAIT_NANOS;
        int callFailures = 0;
        while (true) {
            MapOutputLocation location = null;
            try {
                location = current(mapIndex, avoid != null);
                callFailures = 0;
            } catch (QuarryException e) {
                if (++callFailures >= MAX_CALL_FAILURES) {
                    throw new IOException("Cannot learn where map " + mapIndex + " of job " + job + " has its output: the "
                            + "Scheduler at " + scheduler.describe() + " failed " + callFailures + " calls in a row: "
                            + e.getMessage(), e);
                }
                LOG.debug("Asking {} for the map outputs of {} failed: {}", scheduler.describe(), job, e.toString());
            }
            if (location != null && (avoid == null || !location.mapAttempt().equals(avoid)
                    || System.nanoTime() - retrySameAtNanos >= 0)) {
                return location;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
            wait = Math.min(wait * 2, MAX_WAIT_NANOS);
        }
    }

    /** The known location of the map, asking the Scheduler when it is unknown (or {@code fresh} is wanted) and the answer is old enough. */
    private synchronized MapOutputLocation current(int mapIndex, boolean fresh) throws IOException {
        if (ended != null) {
            throw new IOException(ended.getMessage());
        }
        MapOutputLocation location = known.get(mapIndex);
        if ((location == null || fresh) && (!refreshed || System.nanoTime() - refreshedAtNanos >= MIN_REFRESH_NANOS)) {
            refresh();
            location = known.get(mapIndex);
        }
        return location;
    }

    private void refresh() throws IOException {
        MapOutputs answer = scheduler.mapOutputs(job.toString());
        refreshed = true;
        refreshedAtNanos = System.nanoTime();
        if (!JobState.RUNNING.name().equals(answer.jobState())) {
            ended = new IOException("Job " + job + " is " + answer.jobState() + (answer.failure().isEmpty() ? ""
                    : ": " + answer.failure()) + "; its map outputs will not be fetched");
            known = Map.of();
            throw new IOException(ended.getMessage());
        }
        Map<Integer, MapOutputLocation> locations = new HashMap<>();
        for (WireMapOutput output : answer.outputs()) {
            locations.put(output.mapIndex(), new MapOutputLocation(new HostAndPort(output.host(), output.shufflePort()),
                    WireForms.attemptId(output.mapAttemptId())));
        }
        known = locations;
    }
}
