package io.quarry.scheduler.client;

import static java.util.Objects.requireNonNull;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.error.ErrorCategory;
import io.quarry.common.error.QuarryException;
import io.quarry.common.time.Clock;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.RunningJob;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.service.SchedulerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job running on the cluster, as its client follows it. One daemon thread asks the Scheduler for
 * the job's status on a {@link PollSchedule} (every few milliseconds while the job moves, backing
 * off to {@code mapreduce.client.progressmonitor.pollinterval} while it is quiet), publishes what
 * changed and wakes {@link #awaitStatusChange} waiters. When it sees the job end it removes the
 * staging directory, then publishes the final status, so a caller that saw the end finds the
 * staging gone. A client that dies first leaves the staging directory behind.
 *
 * <p>Calls that fail even after the RPC client's own retries are tried again on the next poll; after
 * {@value #MAX_CONSECUTIVE_FAILURES} failures in a row, or at once when the Scheduler no longer
 * knows the job, the job counts as lost and {@link #status()} throws, naming the Scheduler's
 * address and its key.
 */
public final class ClusterRunningJob implements RunningJob {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRunningJob.class);
    static final int MAX_CONSECUTIVE_FAILURES = 5;

    private final JobId id;
    private final String user;
    private final SchedulerClient client;
    private final StagingDirectory staging;
    private final PollSchedule schedule;
    private final Duration pollInterval;
    private final Clock clock;
    private final Thread poller;

    private final Object lock = new Object();
    private JobStatus latest;
    private long version;
    private IOException lost;
    private boolean pollRequested;

    private ClusterRunningJob(JobId id, String name, int maps, int reduces, String user, SchedulerClient client,
                              StagingDirectory staging, Duration pollInterval, Clock clock) {
        this.id = requireNonNull(id, "id is null");
        this.user = requireNonNull(user, "user is null");
        this.client = requireNonNull(client, "client is null");
        this.staging = staging;
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.schedule = new PollSchedule(pollInterval);
        this.clock = requireNonNull(clock, "clock is null");
        this.latest = new JobStatus(id, name, user, JobState.PREP, 0f, 0f, new JobStatus.TaskCounts(maps, 0, 0, 0, 0),
                new JobStatus.TaskCounts(reduces, 0, 0, 0, 0), null, null, clock.currentTimeMillis(), 0L);
        this.poller = Threads.named("job-client-" + id + "-%d").newThread(this::pollUntilFinished);
    }

    /**
     * Starts following a submitted job of {@code maps} map and {@code reduces} reduce tasks. Takes ownership of {@code client} (closed when the job ends)
     * and of {@code staging} (removed when the job ends; null when nothing was staged).
     */
    static ClusterRunningJob follow(JobId id, String name, int maps, int reduces, String user, SchedulerClient client,
                                    StagingDirectory staging, Duration pollInterval, Clock clock) {
        ClusterRunningJob job = new ClusterRunningJob(id, name, maps, reduces, user, client, staging, pollInterval, clock);
        job.poller.start();
        return job;
    }

    @Override
    public JobId id() {
        return id;
    }

    @Override
    public JobStatus status() throws IOException {
        synchronized (lock) {
            if (lost != null) {
                throw new IOException(lost.getMessage(), lost);
            }
            return latest;
        }
    }

    @Override
    public JobStatus awaitStatusChange(Duration maxWait) throws IOException, InterruptedException {
        long deadline = clock.nanoTime() + maxWait.toNanos();
        synchronized (lock) {
            long seen = version;
            while (version == seen && !latest.state().isFinished() && lost == null) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
        return status();
    }

    @Override
    public void kill() throws IOException {
        synchronized (lock) {
            if (latest.state().isFinished()) {
                return;
            }
            if (lost != null) {
                throw new IOException("Cannot kill job " + id + ": " + lost.getMessage(), lost);
            }
        }
        try {
            client.killJob(id.toString(), "killed by " + user);
        } catch (QuarryException e) {
            synchronized (lock) {
                if (latest.state().isFinished()) {
                    return; // it ended meanwhile and the client was closed
                }
            }
            throw new IOException("Could not kill job " + id + " on the Scheduler at "
                    + where() + ": " + e.getMessage(), e);
        }
        requestPoll();
    }

    /** Asks the poller to call the Scheduler now rather than at its next scheduled time. */
    private void requestPoll() {
        synchronized (lock) {
            pollRequested = true;
            lock.notifyAll();
        }
    }

    private void pollUntilFinished() {
        long submitted = clock.nanoTime();
        int failures = 0;
        try {
            while (true) {
                try {
                    JobStatus fresh = fetch();
                    failures = 0;
                    if (fresh.state().isFinished()) {
                        finish(fresh);
                        return;
                    }
                    publish(fresh);
                } catch (QuarryException e) {
                    failures++;
                    if (e.code().category() == ErrorCategory.USER || failures >= MAX_CONSECUTIVE_FAILURES) {
                        loseTrack(e);
                        return;
                    }
                    LOG.warn("Could not get the status of job {} from the Scheduler at {} (failure {} of {}): {}", id,
                            client.describe(), failures, MAX_CONSECUTIVE_FAILURES, e.getMessage());
                }
                long delay = failures > 0 ? pollInterval.toNanos() : schedule.delayNanos(clock.nanoTime() - submitted);
                pause(delay);
            }
        } catch (InterruptedException e) {
            loseTrack(new IOException("Stopped following job " + id + ": the client thread was interrupted", e));
        } catch (RuntimeException | Error e) {
            loseTrack(new IOException("Stopped following job " + id + ": " + e, e));
            throw e;
        } finally {
            client.close();
        }
    }

    private JobStatus fetch() throws QuarryException {
        WireJobStatus wire = client.jobStatus(id.toString());
        JobStatus status = WireForms.status(wire);
        return new JobStatus(status.id(), status.name(), status.user(), status.state(), status.mapProgress(), status.reduceProgress(),
                status.maps(), status.reduces(), WireCounters.toCounters(wire.counters()), status.failure(),
                status.startTimeMillis(), status.finishTimeMillis());
    }

    /** Waits up to {@code nanos}, or until {@link #requestPoll} asks for a call now. */
    private void pause(long nanos) throws InterruptedException {
        long deadline = clock.nanoTime() + nanos;
        synchronized (lock) {
            while (!pollRequested) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            pollRequested = false;
        }
    }

    /** Publishes {@code fresh} and wakes waiters when the job moved; says whether it did. */
    private boolean publish(JobStatus fresh) {
        synchronized (lock) {
            boolean moved = !sameProgress(latest, fresh);
            latest = fresh;
            if (moved) {
                version++;
                lock.notifyAll();
            }
            return moved;
        }
    }

    private void finish(JobStatus last) {
        if (staging != null && staging.delete()) {
            LOG.debug("Removed the staging directory {} of job {}", staging, id);
        }
        LOG.info("Job {} {}{}", id, last.state(), last.failure().isEmpty() ? "" : ": " + last.failure());
        synchronized (lock) {
            latest = last;
            version++;
            lock.notifyAll();
        }
    }

    private void loseTrack(IOException cause) {
        String message = "Lost track of job " + id + " on the Scheduler at " + where()
                + ": " + cause.getMessage()
                + (staging == null ? "" : "; its staging directory " + staging + " is left in place");
        LOG.info(message); // the caller gets it from status(); logged for clients that never ask
        synchronized (lock) {
            lost = new IOException(message, cause);
            version++;
            lock.notifyAll();
        }
    }

    private static boolean sameProgress(JobStatus a, JobStatus b) {
        return a.state() == b.state() && a.mapProgress() == b.mapProgress() && a.reduceProgress() == b.reduceProgress()
                && a.maps().equals(b.maps()) && a.reduces().equals(b.reduces()) && a.failure().equals(b.failure());
    }

    @Override
    public String toString() {
        return id.toString();
    }

    /** How errors name the Scheduler: its configured address, or with HA the active in ZooKeeper. */
    private String where() {
        return client.followsFailover() ? client.describe() : SchedulerAddress.describe(client.address());
    }
}
