package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.concurrent.Threads;
import io.quarry.dfs.protocol.client.RenewLease;

/** Renews this client's leases every half soft limit while at least one file is open for writing. */
final class LeaseRenewer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

    private final NameNodeClient nameNode;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private int openFiles;
    private ScheduledFuture<?> task;

    LeaseRenewer(NameNodeClient nameNode, Duration interval) {
        this.nameNode = requireNonNull(nameNode, "nameNode is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.executor = Executors.newSingleThreadScheduledExecutor(Threads.named("qfs-client-lease-renewer-%d"));
    }

    synchronized void fileOpened() {
        openFiles++;
        if (task == null) {
            long millis = Math.max(1, interval.toMillis());
            task = executor.scheduleWithFixedDelay(this::renew, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void fileClosed() {
        openFiles--;
        if (openFiles <= 0 && task != null) {
            openFiles = 0;
            task.cancel(false);
            task = null;
        }
    }

    private void renew() {
        try {
            nameNode.call(new RenewLease(nameNode.clientName()), Object.class);
        } catch (Exception e) {
            LOG.warn("Cannot renew the leases of {} at {}: {}", nameNode.clientName(), nameNode.address(), e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
