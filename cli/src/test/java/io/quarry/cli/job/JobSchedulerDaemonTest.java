package io.quarry.cli.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.cli.ScriptRun;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerDaemon;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quarry scheduler}: the daemon it starts serves job clients at the address it reports.
 * (DaemonRunner blocks until JVM shutdown, so the daemon is started through its Starter here.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobSchedulerDaemonTest {
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new IOException("no filesystem in this test: " + uri);
    };

    @Test
    void schedulerDaemonReportsItsRpcAddressAndAnswersTheJobCommand() throws QuarryException {
        Configuration conf = Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0");
        try (SchedulerDaemon daemon = SchedulerDaemon.start(conf)) {
            assertThat(daemon.role()).isEqualTo("scheduler");
            assertThat(daemon.addresses()).containsOnlyKeys("rpc");
            assertThat(daemon.addresses().get("rpc").port()).isPositive();
            try (SchedulerClient client = new SchedulerClient(daemon.addresses().get("rpc"), conf)) {
                assertThat(client.listJobs()).isEmpty();
            }
            CliRun run = CliRun.run(NO_FILESYSTEM, "-Dquarry.scheduler.address=" + daemon.addresses().get("rpc"), "job", "-list");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Total jobs:0\n");
        }
    }

    @Test
    void schedulerCommandIsListedAndRefusesArguments() {
        CliRun help = CliRun.run(NO_FILESYSTEM, "help");
        assertThat(help.out()).contains("scheduler").contains("job");

        CliRun extra = CliRun.run(NO_FILESYSTEM, "scheduler", "extra");
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(extra.err()).contains("takes no arguments");

        CliRun usage = CliRun.run(NO_FILESYSTEM, "scheduler", "--help");
        assertThat(usage.out()).startsWith("Usage: quarry [--conf DIR] [-Dkey=value ...] scheduler")
                .contains("QUARRY-READY");
    }

    @Test
    void quarryDaemonAcceptsTheSchedulerRole(@TempDir Path pidDir) throws Exception {
        ScriptRun status = ScriptRun.run("quarry-daemon", Map.of("QUARRY_PID_DIR", pidDir.toString()), "status", "scheduler");
        assertThat(status.exitCode()).as(status.output()).isEqualTo(1);
        assertThat(status.output()).isEqualTo("scheduler not running\n");
    }
}
