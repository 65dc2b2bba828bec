package io.quarry.minicluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.worker.WorkerConfigKeys;
import io.quarry.scheduler.worker.WorkerDaemon;

/**
 * The Workers of a {@link MiniQuarryCluster}: Worker i runs on DataNode i's loopback address and
 * rack, with its own local directory, so a map that reads a block of DataNode i is data-local
 * exactly when it runs on Worker i.
 */
final class WorkerNodes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerNodes.class);

    private final ClusterLayout layout;
    private final Configuration base;
    private final HostAndPort scheduler;
    private final List<WorkerDaemon> workers = new ArrayList<>();

    WorkerNodes(ClusterLayout layout, Configuration base, HostAndPort scheduler) {
        this.layout = requireNonNull(layout, "layout is null");
        this.base = requireNonNull(base, "base is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    /** The keys a Worker of this cluster starts with: its host, rack, directory and the Scheduler's address. */
    Configuration workerConf(int index) throws IOException {
        java.nio.file.Path dir = layout.baseDir().resolve("worker-" + index);
        Files.createDirectories(dir);
        String host = layout.dataNodeHost(index);
        Map<String, String> values = new HashMap<>();
        values.put(SchedulerServiceConfigKeys.ADDRESS.name(), scheduler.toString());
        values.put(WorkerConfigKeys.HOSTNAME.name(), host);
        values.put(WorkerConfigKeys.RACK.name(), layout.rack(index));
        values.put(WorkerConfigKeys.SHUFFLE_ADDRESS.name(), host + ":0");
        values.put(WorkerConfigKeys.LOCAL_DIR.name(), dir.resolve("local").toString());
        Configuration conf = base;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            conf = conf.with(entry.getKey(), entry.getValue());
        }
        return conf;
    }

    void add() throws IOException {
        workers.add(null);
        start(workers.size() - 1);
    }

    int size() {
        return workers.size();
    }

    WorkerDaemon get(int index) {
        WorkerDaemon worker = slot(index);
        if (worker == null) {
            throw new IllegalStateException("Worker " + index + " is not running");
        }
        return worker;
    }

    private WorkerDaemon slot(int index) {
        if (index < 0 || index >= workers.size()) {
            throw new IndexOutOfBoundsException("No Worker " + index + "; the cluster has " + workers.size());
        }
        return workers.get(index);
    }

    void start(int index) throws IOException {
        if (slot(index) != null) {
            throw new IllegalStateException("Worker " + index + " is already running");
        }
        WorkerDaemon worker = WorkerDaemon.start(workerConf(index));
        workers.set(index, worker);
        LOG.info("Mini cluster Worker {} ({}) at {} ({})", index, worker.workerId(), worker.addresses(), layout.rack(index));
    }

    /** Crashes Worker i: no more heartbeats, its shuffle server gone, its attempts killed, nothing cleaned up. */
    void kill(int index) {
        WorkerDaemon worker = slot(index);
        if (worker != null) {
            LOG.info("Killing Worker {} ({})", index, worker.workerId());
            workers.set(index, null);
            worker.abort();
        }
    }

    void stop(int index) {
        WorkerDaemon worker = slot(index);
        if (worker != null) {
            LOG.info("Stopping Worker {} ({})", index, worker.workerId());
            workers.set(index, null);
            worker.close();
        }
    }

    /** Waits until every running Worker is registered with the Scheduler. */
    void awaitRegistered(Duration timeout) throws IOException {
        try {
            Polling.await("every running Worker to register with the Scheduler at " + scheduler, timeout, () -> {
                List<Integer> waiting = new ArrayList<>();
                for (int i = 0; i < workers.size(); i++) {
                    WorkerDaemon worker = workers.get(i);
                    if (worker != null && !worker.isRegistered()) {
                        waiting.add(i);
                    }
                }
                return waiting.isEmpty() ? null : "Workers " + waiting + " are not registered yet";
            });
        } catch (TimeoutException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the Workers", e);
        }
    }

    /** Stops every Worker, last first; returns the failures by Worker. */
    Map<String, Exception> closeAll() {
        Map<String, Exception> failures = new LinkedHashMap<>();
        for (int i = workers.size() - 1; i >= 0; i--) {
            WorkerDaemon worker = workers.get(i);
            if (worker != null) {
                workers.set(i, null);
                try {
                    worker.close();
                } catch (RuntimeException e) {
                    LOG.warn("Stopping Worker {} failed", i, e);
                    failures.put("Worker " + i, e);
                }
            }
        }
        return failures;
    }

    @Override
    public void close() {
        closeAll();
    }
}
