package io.quarry.minicluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.scheduler.core.SchedulerConfigKeys;
import io.quarry.scheduler.service.SchedulerDaemon;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.worker.WorkerConfigKeys;
import io.quarry.scheduler.worker.WorkerDaemon;

/**
 * An in-process Quarry cluster for tests: a {@link MiniQfsCluster} (NameNode on 127.0.0.1,
 * DataNode i on 127.0.0.(i+2)), a Scheduler on 127.0.0.1 and one Worker beside each DataNode, on
 * the same address and rack, so data locality is real. Jobs submitted with {@link #jobConf()} run
 * on the Workers. Workers can be killed (a crash) and restarted; {@link #close()} stops
 * everything, Workers first, and reports every failure.
 */
public final class MiniQuarryCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiniQuarryCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** Scheduler and Worker settings that keep tests fast; the builder's {@code set} overrides them. */
    static final Map<String, String> TEST_DEFAULTS = Map.of(
            WorkerConfigKeys.HEARTBEAT_INTERVAL.name(), "100ms",
            SchedulerConfigKeys.WORKER_EXPIRY.name(), "10s",
            SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL.name(), "200ms");

    private final MiniQfsCluster qfs;
    private final SchedulerDaemon scheduler;
    private final WorkerNodes workers;
    private final Configuration jobConf;

    private MiniQuarryCluster(MiniQfsCluster qfs, SchedulerDaemon scheduler, WorkerNodes workers) {
        this.qfs = requireNonNull(qfs, "qfs is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.jobConf = qfs.conf()
                .with(MapReduceConfigKeys.FRAMEWORK_NAME, "cluster")
                .with(SchedulerServiceConfigKeys.ADDRESS, scheduler.server().address().toString());
    }

    public static Builder builder(java.nio.file.Path baseDir) {
        return new Builder(baseDir);
    }

    /** The filesystem part: NameNode and DataNodes. */
    public MiniQfsCluster qfs() {
        return qfs;
    }

    /** A client shared by the test, closed with the cluster. */
    public QfsFileSystem fileSystem() throws IOException {
        return qfs.fileSystem();
    }

    /**
     * Configuration for submitting jobs to this cluster: fs.defaultFS is its NameNode,
     * mapreduce.framework.name is {@code cluster} and quarry.scheduler.address its Scheduler.
     */
    public Configuration jobConf() {
        return jobConf;
    }

    public SchedulerDaemon scheduler() {
        return scheduler;
    }

    /** Worker i, beside DataNode i. */
    public WorkerDaemon worker(int index) {
        return workers.get(index);
    }

    public int numWorkers() {
        return workers.size();
    }

    /** Crashes Worker i (see {@link WorkerDaemon#abort()}); the Scheduler learns of it only by missed heartbeats. */
    public void killWorker(int index) {
        workers.kill(index);
    }

    /** Stops Worker i gracefully. */
    public void stopWorker(int index) {
        workers.stop(index);
    }

    /** Starts a killed or stopped Worker again on the same address and directory, and waits until it is registered. */
    public void restartWorker(int index) throws IOException {
        workers.stop(index);
        workers.start(index);
        awaitWorkers();
    }

    /** Waits until every running Worker is registered with the Scheduler. */
    public void awaitWorkers() throws IOException {
        workers.awaitRegistered(START_TIMEOUT);
    }

    /** Stops the Workers, the Scheduler, then the filesystem; throws once with every failure. */
    @Override
    public void close() throws IOException {
        Map<String, Exception> failures = new LinkedHashMap<>(workers.closeAll());
        try {
            scheduler.close();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the Scheduler failed", e);
            failures.put("Scheduler", e);
        }
        try {
            qfs.close();
        } catch (IOException e) {
            failures.put("QFS", e);
        }
        if (!failures.isEmpty()) {
            IOException error = new IOException("Stopping the mini cluster failed for " + failures.keySet());
            failures.values().forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Configures and starts a {@link MiniQuarryCluster}. */
    public static final class Builder {
        private final java.nio.file.Path baseDir;
        private final Map<String, String> overrides = new LinkedHashMap<>(TEST_DEFAULTS);
        private final List<String> racks = new ArrayList<>();
        private int numNodes = 1;

        private Builder(java.nio.file.Path baseDir) {
            this.baseDir = requireNonNull(baseDir, "baseDir is null");
        }

        /** Nodes, each a DataNode and a Worker on its own 127.0.0.x. */
        public Builder numNodes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("numNodes must be at least 1, got " + count);
            }
            this.numNodes = count;
            return this;
        }

        /** The rack of each node, in order. */
        public Builder racks(String... racks) {
            this.racks.clear();
            this.racks.addAll(List.of(racks));
            return this;
        }

        /** Map and reduce slots of every Worker. */
        public Builder slots(int mapSlots, int reduceSlots) {
            if (mapSlots < 1 || reduceSlots < 1) {
                throw new IllegalArgumentException("a Worker needs at least one map and one reduce slot, got " + mapSlots
                        + " and " + reduceSlots);
            }
            overrides.put(WorkerConfigKeys.MAP_SLOTS.name(), Integer.toString(mapSlots));
            overrides.put(WorkerConfigKeys.REDUCE_SLOTS.name(), Integer.toString(reduceSlots));
            return this;
        }

        /** Any configuration override, for every daemon and for clients. */
        public Builder set(String key, String value) {
            overrides.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** Starts the cluster and waits until every Worker is registered; on failure stops whatever started. */
        public MiniQuarryCluster build() throws IOException {
            MiniQfsCluster.Builder qfsBuilder = MiniQfsCluster.builder(baseDir).numDataNodes(numNodes)
                    .racks(racks.toArray(String[]::new));
            overrides.forEach(qfsBuilder::set);
            MiniQfsCluster qfs = qfsBuilder.build();
            SchedulerDaemon scheduler = null;
            WorkerNodes workers = null;
            try {
                scheduler = SchedulerDaemon.start(qfs.conf().with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0"));
                LOG.info("Mini cluster Scheduler at {}", scheduler.server().address());
                workers = new WorkerNodes(qfs.layout(), qfs.conf(), scheduler.server().address());
                for (int i = 0; i < numNodes; i++) {
                    workers.add();
                }
                MiniQuarryCluster cluster = new MiniQuarryCluster(qfs, scheduler, workers);
                cluster.awaitWorkers();
                return cluster;
            } catch (IOException | RuntimeException e) {
                if (workers != null) {
                    workers.closeAll().values().forEach(e::addSuppressed);
                }
                if (scheduler != null) {
                    scheduler.close();
                }
                try {
                    qfs.close();
                } catch (IOException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
                throw e;
            }
        }
    }
}
