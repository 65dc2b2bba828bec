package io.quarry.scheduler.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.io.LocalFiles;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.time.Clock;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.shuffle.MapOutputRegistry;
import io.quarry.scheduler.shuffle.ShuffleClient;
import io.quarry.scheduler.shuffle.ShuffleServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The Worker as a process role: a shuffle server for its map outputs, an {@link AttemptRunner}
 * for the attempts the Scheduler launches, and a {@link HeartbeatLoop} that registers with the
 * Scheduler at {@code quarry.scheduler.address} (with HA, the active one ZooKeeper names, followed
 * across failovers: it registers again listing the map outputs it still holds) and keeps it informed. Its id is
 * {@code host:shufflePort}, its host the name QFS knows this node's DataNode by (see
 * {@link WorkerSettings#host}). {@link #close} stops gracefully and deletes the Worker's local
 * directory; {@link #abort} simulates a crash for tests.
 */
public final class WorkerDaemon implements Daemon {
    public static final String ROLE = "worker";
    private static final Logger LOG = LoggerFactory.getLogger(WorkerDaemon.class);

    private final String workerId;
    private final HostAndPort shuffleAddress;
    private final Path localDir;
    private final ShuffleServer shuffleServer;
    private final ShuffleClient shuffleClient;
    private final SchedulerClient heartbeatClient;
    private final SchedulerClient scheduler;
    private final AttemptRunner runner;
    private final HeartbeatLoop heartbeats;
    private boolean closed;

    private WorkerDaemon(Parts parts) {
        this.workerId = parts.workerId;
        this.shuffleAddress = parts.shuffleAddress;
        this.localDir = parts.localDir;
        this.shuffleServer = parts.shuffleServer;
        this.shuffleClient = parts.shuffleClient;
        this.heartbeatClient = parts.heartbeatClient;
        this.scheduler = parts.scheduler;
        this.runner = parts.runner;
        this.heartbeats = parts.heartbeats;
    }

    /** What {@link #start} builds, in start order, so a failure part-way closes what was started. */
    private static final class Parts {
        private final List<AutoCloseable> started = new ArrayList<>();
        String workerId;
        HostAndPort shuffleAddress;
        Path localDir;
        ShuffleServer shuffleServer;
        ShuffleClient shuffleClient;
        SchedulerClient heartbeatClient;
        SchedulerClient scheduler;
        AttemptRunner runner;
        HeartbeatLoop heartbeats;

        <T extends AutoCloseable> T add(T part) {
            started.add(part);
            return part;
        }

        void closeAll() {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    LOG.warn("Closing {} after a failed start failed: {}", started.get(i), e.toString());
                }
            }
        }
    }

    /** Starts a Worker with the system clock. */
    public static WorkerDaemon start(Configuration conf) throws QuarryException {
        return start(conf, Clock.system());
    }

    /**
     * Binds the shuffle server, sets up the local directory and starts heartbeating; returns at
     * once, registration follows in the background (retried while the Scheduler is unreachable).
     *
     * @param clock times attempts for {@code mapreduce.task.timeout}
     */
    public static WorkerDaemon start(Configuration conf, Clock clock) throws QuarryException {
        requireNonNull(conf, "conf is null");
        requireNonNull(clock, "clock is null");
        WorkerSettings settings = WorkerSettings.from(conf);
        MapOutputRegistry registry = new MapOutputRegistry();
        Parts parts = new Parts();
        try {
            parts.shuffleServer = parts.add(new ShuffleServer(ROLE, registry, conf));
            HostAndPort bound = parts.shuffleServer.start(settings.shuffleBind().host(), settings.shuffleBind().port());
            String host = settings.host(conf);
            String rack = settings.rack(conf, host);
            parts.workerId = host + ":" + bound.port();
            parts.shuffleAddress = new HostAndPort(host, bound.port());
            parts.localDir = freshDirectory(settings.localDir(host, bound.port()));
            // Heartbeats are not retried by the RPC client: the loop backs off itself and stops at once when closed.
            // With HA both follow the active Scheduler through ZooKeeper; the heartbeat client tries each call once.
            parts.heartbeatClient = parts.add(SchedulerClient.connect(conf.with(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS, "1"), false));
            parts.scheduler = parts.add(SchedulerClient.connect(conf, true));
            parts.shuffleClient = parts.add(new ShuffleClient(ROLE, conf));
            SchedulerClient scheduler = parts.scheduler;
            JobLocalizer localizer = new JobLocalizer(parts.localDir, WorkerDaemon.class.getClassLoader());
            parts.runner = parts.add(new AttemptRunner("worker-" + parts.workerId, clock, localizer, registry,
                    id -> scheduler.canCommit(id.toString()), settings.mapSlots() + settings.reduceSlots()));
            WakeUp wakeUp = new WakeUp();
            InstructionHandler handler = new InstructionHandler(parts.runner, localizer, registry, scheduler,
                    parts.shuffleClient, wakeUp);
            RegisterWorker registration = new RegisterWorker(parts.workerId, host, rack, settings.mapSlots(),
                    settings.reduceSlots(), bound.port());
            parts.heartbeats = parts.add(new HeartbeatLoop(parts.heartbeatClient, registration, parts.runner, handler,
                    () -> registry.attempts().stream().map(Object::toString).toList(), settings.heartbeatInterval(),
                    settings.maxRetryInterval()));
            wakeUp.loop = parts.heartbeats;
            parts.heartbeats.start();
            LOG.info("Worker {} started: shuffle on {}, local directory {}, Scheduler at {}", parts.workerId, bound,
                    parts.localDir, parts.scheduler.describe());
            return new WorkerDaemon(parts);
        } catch (QuarryException | RuntimeException e) {
            parts.closeAll();
            throw e;
        } catch (IOException e) {
            // The local directory, the topology table or the local host name: the set-up needs fixing.
            parts.closeAll();
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Cannot start the Worker: " + e.getMessage(), e);
        }
    }

    /** Wakes the heartbeat loop as an attempt ends; the loop exists only after the handler that calls this. */
    private static final class WakeUp implements Runnable {
        private volatile HeartbeatLoop loop;

        @Override
        public void run() {
            HeartbeatLoop current = loop;
            if (current != null) {
                current.wakeUp();
            }
        }
    }

    /** The directory, emptied: what a previous run of this Worker left there is lost to the Scheduler anyway. */
    private static Path freshDirectory(Path dir) throws IOException {
        LocalFiles.deleteQuietly(dir);
        Files.createDirectories(dir);
        return dir;
    }

    @Override
    public String role() {
        return ROLE;
    }

    /** {@code shuffle}: where reducers fetch this Worker's map outputs (its registered host and bound port). */
    @Override
    public Map<String, HostAndPort> addresses() {
        return Map.of("shuffle", shuffleAddress);
    }

    /** {@code host:shufflePort}, as registered with the Scheduler. */
    /** The shuffle server, for tests that look at what it served. */
    ShuffleServer shuffleServer() {
        return shuffleServer;
    }

    public String workerId() {
        return workerId;
    }

    /** Whether the Worker is registered with the Scheduler now. */
    public boolean isRegistered() {
        return heartbeats.isRegistered();
    }

    /** How often the Worker has registered since it started (more than once after the Scheduler forgot it). */
    public int registrations() {
        return heartbeats.registrations();
    }

    /** The Worker's own local directory (job jars, spills, map outputs). */
    public Path localDir() {
        return localDir;
    }

    /**
     * Simulates a crash, for tests: stops heartbeating, stops serving map outputs and kills the
     * attempts, without a word to the Scheduler and without cleaning up the local directory.
     */
    public synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.warn("Worker {} aborted", workerId);
        heartbeats.close();
        shuffleServer.close();
        runner.close();
        shuffleClient.close();
        scheduler.close();
        heartbeatClient.close();
    }

    /** Stops heartbeating, kills the attempts still running, stops serving and deletes the local directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeats.close();
        runner.close();
        try {
            if (!runner.awaitTermination(Duration.ofSeconds(5))) {
                LOG.warn("Worker {}: attempts still busy 5 s after they were killed; closing regardless", workerId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shuffleServer.close();
        shuffleClient.close();
        scheduler.close();
        heartbeatClient.close();
        LocalFiles.deleteQuietly(localDir);
        LOG.info("Worker {} stopped", workerId);
    }

    public static void main(String[] args) {
        System.exit(DaemonRunner.run(ROLE, args, WorkerDaemon::start));
    }
}
