package io.quarry.cli.local;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.worker.WorkerConfigKeys;
import io.quarry.scheduler.worker.WorkerDaemon;

/** The local cluster's one Worker: on 127.0.0.1 beside the DataNodes, its directory under the cluster's. */
final class LocalWorkerConf {
    private LocalWorkerConf() {
    }

    /** The cluster's configuration plus where the Worker serves, keeps its files and finds the Scheduler. */
    static Configuration of(Configuration conf, LocalDirs dirs, HostAndPort scheduler) {
        Configuration out = conf.with(SchedulerServiceConfigKeys.ADDRESS, scheduler.toString())
                .with(WorkerConfigKeys.HOSTNAME, "127.0.0.1")
                .with(WorkerConfigKeys.LOCAL_DIR, dirs.workerDir().toString());
        if (!conf.isSet(WorkerConfigKeys.SHUFFLE_ADDRESS)) {
            out = out.with(WorkerConfigKeys.SHUFFLE_ADDRESS, "127.0.0.1:0");
        }
        return out;
    }

    /** Waits until the Worker is registered with the Scheduler, so a job submitted right after start has a slot. */
    static void awaitRegistered(WorkerDaemon worker, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!worker.isRegistered()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("The Worker " + worker.workerId() + " did not register with the Scheduler within "
                        + timeout.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
