package io.quarry.cli.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.cli.ScriptRun;
import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.scheduler.service.SchedulerDaemon;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.worker.WorkerConfigKeys;
import io.quarry.scheduler.worker.WorkerDaemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quarry worker}: the daemon it starts reports its shuffle address and registers with the
 * Scheduler. (DaemonRunner blocks until JVM shutdown, so the daemon is started through its Starter here.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerCommandTest {
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new IOException("no filesystem in this test: " + uri);
    };

    @Test
    void workerDaemonReportsItsShuffleAddressAndRegistersWithTheScheduler(@TempDir Path local) throws Exception {
        Configuration conf = Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0");
        try (SchedulerDaemon scheduler = SchedulerDaemon.start(conf);
             WorkerDaemon worker = WorkerDaemon.start(conf
                     .with(SchedulerServiceConfigKeys.ADDRESS, scheduler.addresses().get("rpc").toString())
                     .with(WorkerConfigKeys.SHUFFLE_ADDRESS, "127.0.0.1:0")
                     .with(WorkerConfigKeys.LOCAL_DIR, local.toString()))) {
            assertThat(worker.role()).isEqualTo("worker");
            assertThat(worker.addresses()).containsOnlyKeys("shuffle");
            assertThat(worker.addresses().get("shuffle").host()).isEqualTo("127.0.0.1");
            assertThat(worker.workerId()).isEqualTo(worker.addresses().get("shuffle").toString());
            Await.until("the worker registered", Duration.ofSeconds(20), worker::isRegistered);
        }
    }

    @Test
    void workerCommandIsListedAndRefusesArguments() {
        assertThat(CliRun.run(NO_FILESYSTEM, "help").out()).containsPattern("(?m)^  worker +\\S");

        CliRun extra = CliRun.run(NO_FILESYSTEM, "worker", "extra");
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(extra.err()).contains("takes no arguments");

        CliRun usage = CliRun.run(NO_FILESYSTEM, "worker", "--help");
        assertThat(usage.out()).startsWith("Usage: quarry [--conf DIR] [-Dkey=value ...] worker").contains("QUARRY-READY");
    }

    @Test
    void quarryDaemonAcceptsTheWorkerRole(@TempDir Path pidDir) throws Exception {
        ScriptRun status = ScriptRun.run("quarry-daemon", Map.of("QUARRY_PID_DIR", pidDir.toString()), "status", "worker");
        assertThat(status.exitCode()).as(status.output()).isEqualTo(1);
        assertThat(status.output()).isEqualTo("worker not running\n");
    }
}
