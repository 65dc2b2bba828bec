package io.quarry.scheduler.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.quarry.common.error.QuarryException;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.AttemptReport;
import io.quarry.scheduler.core.AttemptState;
import io.quarry.scheduler.protocol.HeartbeatResponse;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.protocol.WireAttemptReport;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import io.quarry.scheduler.service.SchedulerClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The Worker's conversation with the Scheduler, on one thread: registers, then heartbeats at the
 * pace the Scheduler asks for (the configured interval until it first answers) with the attempts' reports and hands the answer's instructions to the
 * {@link InstructionHandler}. {@link #wakeUp} sends the next heartbeat at once (a finished
 * attempt is reported without waiting for the interval). While the Scheduler is unreachable it
 * retries with a backoff from the interval doubling to the configured maximum; reports of ended
 * attempts a failed heartbeat could not deliver go with the next one. Told to register again (the
 * Scheduler restarted or declared this Worker dead), it gives up its attempts, which the
 * Scheduler has already declared lost, and registers anew.
 */
final class HeartbeatLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatLoop.class);

    private final SchedulerClient scheduler;
    private final RegisterWorker registration;
    private final AttemptRunner runner;
    private final InstructionHandler handler;
    private final Supplier<List<String>> heldOutputs;
    private final Duration interval;
    private final Duration maxRetryInterval;
    private final Thread thread;
    private final Object lock = new Object();
    private final AtomicInteger registrations = new AtomicInteger();
    /** Reports of ended attempts whose heartbeat failed, by attempt. Only the loop thread touches it. */
    private final Map<TaskAttemptId, AttemptReport> undelivered = new LinkedHashMap<>();
    private volatile boolean registered;
    private volatile boolean stopped;
    private boolean wakeRequested;
    private boolean reachable = true;
    /** Wait before the next regular heartbeat: the Scheduler's pace once it answered, else the configured interval. */
    private long nextIntervalNanos;

    HeartbeatLoop(SchedulerClient scheduler, RegisterWorker registration, AttemptRunner runner, InstructionHandler handler,
            Duration interval, Duration maxRetryInterval) {
        this(scheduler, registration, runner, handler, List::of, interval, maxRetryInterval);
    }

    /** @param heldOutputs the map attempts whose output the Worker serves, listed when it registers */
    HeartbeatLoop(SchedulerClient scheduler, RegisterWorker registration, AttemptRunner runner, InstructionHandler handler,
            Supplier<List<String>> heldOutputs, Duration interval, Duration maxRetryInterval) {
        this.heldOutputs = requireNonNull(heldOutputs, "heldOutputs is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.registration = requireNonNull(registration, "registration is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.handler = requireNonNull(handler, "handler is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.maxRetryInterval = requireNonNull(maxRetryInterval, "maxRetryInterval is null");
        this.nextIntervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "worker-heartbeat-" + registration.workerId());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean isRegistered() {
        return registered;
    }

    /** How often the Worker has registered (again) since it started. */
    int registrations() {
        return registrations.get();
    }

    /** Sends the next heartbeat now rather than at the end of the interval. */
    void wakeUp() {
        synchronized (lock) {
            wakeRequested = true;
            lock.notifyAll();
        }
    }

    /** Stops heartbeating; says nothing more to the Scheduler. */
    @Override
    public void close() {
        stopped = true;
        wakeUp();
        if (Thread.currentThread() != thread) {
            // Ends a call in flight (the Scheduler may be gone) as well as the wait between heartbeats.
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within 5 s", thread.getName());
            }
        }
        registered = false;
    }

    private void run() {
        long backoffNanos = interval.toNanos();
        while (!stopped) {
            try {
                if (!registered) {
                    register();
                }
                heartbeat();
                reached();
                backoffNanos = interval.toNanos();
                awaitNext(nextIntervalNanos);
            } catch (QuarryException e) {
                if (stopped) {
                    break;
                }
                unreachable(e, backoffNanos);
                awaitNext(backoffNanos);
                backoffNanos = Math.min(backoffNanos * 2, maxRetryInterval.toNanos());
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Worker {}: heartbeat failed unexpectedly", registration.workerId(), e);
                awaitNext(backoffNanos);
            }
        }
    }

    private void register() throws QuarryException {
        List<String> held = heldOutputs.get();
        scheduler.registerWorker(registration.holding(held));
        registered = true;
        registrations.incrementAndGet();
        undelivered.clear();
        LOG.info("Worker {} registered with the Scheduler at {} (host {}, rack {}, {} map and {} reduce slots, shuffle port {},"
                        + " {} map outputs held)", registration.workerId(), scheduler.describe(), registration.host(),
                registration.rack(), registration.mapSlots(), registration.reduceSlots(), registration.shufflePort(), held.size());
    }

    private void heartbeat() throws QuarryException {
        runner.checkTimeouts();
        Map<TaskAttemptId, AttemptReport> reports = new LinkedHashMap<>(undelivered);
        int runningMaps = 0;
        int runningReduces = 0;
        for (AttemptReport report : runner.heartbeatReports()) {
            reports.put(report.attempt(), report);
            if (report.state() == AttemptState.RUNNING) {
                if (report.attempt().type() == TaskType.MAP) {
                    runningMaps++;
                } else {
                    runningReduces++;
                }
            }
        }
        List<WireAttemptReport> wire = new ArrayList<>(reports.size());
        for (AttemptReport report : reports.values()) {
            wire.add(WireForms.report(report));
        }
        HeartbeatResponse response;
        try {
            response = scheduler.heartbeat(new WorkerHeartbeat(registration.workerId(), wire,
                    Math.max(0, registration.mapSlots() - runningMaps), Math.max(0, registration.reduceSlots() - runningReduces)));
        } catch (QuarryException e) {
            undelivered.clear();
            reports.values().stream().filter(r -> r.state().isFinished()).forEach(r -> undelivered.put(r.attempt(), r));
            throw e;
        }
        undelivered.clear();
        if (response.nextHeartbeatMillis() > 0) {
            nextIntervalNanos = TimeUnit.MILLISECONDS.toNanos(response.nextHeartbeatMillis());
        }
        if (response.reregister()) {
            forgotten();
            return;
        }
        handler.handle(response.instructions());
    }

    /** The Scheduler does not know this Worker (any more): what it ran is lost, so it is given up before registering again. */
    private void forgotten() {
        LOG.warn("Worker {}: the Scheduler at {} asks it to register again; giving up its running attempts",
                registration.workerId(), scheduler.describe());
        registered = false;
        for (TaskAttemptId attempt : runner.running()) {
            runner.kill(attempt, "the Scheduler declared Worker " + registration.workerId() + " lost");
        }
        runner.heartbeatReports();
        wakeUp();
    }

    private void unreachable(QuarryException e, long backoffNanos) {
        if (reachable) {
            LOG.warn("Worker {}: cannot reach the Scheduler at {} ({}); retrying every {} ms at most",
                    registration.workerId(), scheduler.describe(), e.getMessage(), maxRetryInterval.toMillis());
        } else {
            LOG.debug("Worker {}: Scheduler still unreachable, next try in {} ms: {}", registration.workerId(),
                    TimeUnit.NANOSECONDS.toMillis(backoffNanos), e.getMessage());
        }
        reachable = false;
    }

    private void reached() {
        if (!reachable) {
            LOG.info("Worker {}: reached the Scheduler at {} again", registration.workerId(), scheduler.describe());
            reachable = true;
        }
    }

    private void awaitNext(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            while (!wakeRequested && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    stopped = true;
                    Thread.currentThread().interrupt();
                }
            }
            wakeRequested = false;
        }
    }
}
