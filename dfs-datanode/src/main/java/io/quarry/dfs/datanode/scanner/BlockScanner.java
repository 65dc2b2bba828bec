package io.quarry.dfs.datanode.scanner;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.time.Clock;
import io.quarry.dfs.datanode.metrics.DataNodeMetrics;
import io.quarry.dfs.datanode.storage.ChecksumVerifier;
import io.quarry.dfs.datanode.storage.Dataset;
import io.quarry.dfs.datanode.storage.Replica;
import io.quarry.dfs.datanode.transfer.ReplicaEvents;
import io.quarry.dfs.protocol.ReplicaState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Verifies every finalized replica's checksums once per scan period, throttled, on its own
 * thread. A replica that fails is marked corrupt (never served again) and reported.
 */
public final class BlockScanner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockScanner.class);
    private static final long BYTES_PER_SECOND = 32L << 20;
    private static final long IDLE_WAIT_MILLIS = 1_000;

    private final String name;
    private final Dataset dataset;
    private final ReplicaEvents events;
    private final DataNodeMetrics metrics;
    private final Clock clock;
    private final Duration period;
    private final Object lock = new Object();
    private volatile boolean running;
    private Thread thread;

    public BlockScanner(String name, Dataset dataset, ReplicaEvents events, DataNodeMetrics metrics, Clock clock, Duration period) {
        this.name = requireNonNull(name, "name is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.events = requireNonNull(events, "events is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.period = requireNonNull(period, "period is null");
    }

    public void start() {
        running = true;
        thread = Threads.named(name + "-block-scanner-%d").newThread(this::run);
        thread.start();
    }

    /** Verifies every finalized replica now, unthrottled; returns how many were found corrupt. */
    public int scanNow() {
        synchronized (lock) {
            return scan(null);
        }
    }

    private void run() {
        long nextScan = clock.monotonicMillis() + period.toMillis();
        while (running) {
            try {
                synchronized (lock) {
                    if (clock.monotonicMillis() >= nextScan) {
                        long started = clock.monotonicMillis();
                        int corrupt = scan(this::throttle);
                        LOG.info("{}: block scan found {} corrupt replicas in {} ms", name, corrupt, clock.monotonicMillis() - started);
                        nextScan = clock.monotonicMillis() + period.toMillis();
                    }
                    lock.wait(Math.max(1, Math.min(IDLE_WAIT_MILLIS, nextScan - clock.monotonicMillis())));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void throttle(long bytes) throws InterruptedException {
        lock.wait(Math.max(1, bytes * 1000 / BYTES_PER_SECOND));
        if (!running) {
            throw new InterruptedException("scanner stopped");
        }
    }

    private int scan(ChecksumVerifier.Throttle throttle) {
        int corrupt = 0;
        for (Replica replica : dataset.replicas()) {
            if (replica.state() != ReplicaState.FINALIZED || replica.isCorrupt()) {
                continue;
            }
            try {
                ChecksumVerifier.Result result = ChecksumVerifier.verify(replica.blockFile(), replica.metaFile(), throttle);
                metrics.blocksScanned.inc();
                if (!result.isClean() && dataset.get(replica.blockId()) == replica && replica.state() == ReplicaState.FINALIZED) {
                    corrupt++;
                    replica.markCorrupt();
                    metrics.checksumFailures.inc();
                    metrics.corruptReplicas.inc();
                    events.corrupt(replica.toBlock(), "block scanner: " + result.detail());
                }
            } catch (NoSuchFileException e) {
                LOG.debug("{}: {} disappeared during the scan", name, replica);
            } catch (IOException e) {
                if (dataset.get(replica.blockId()) == replica) {
                    LOG.warn("{}: cannot scan {}: {}", name, replica, e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return corrupt;
            }
        }
        return corrupt;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
