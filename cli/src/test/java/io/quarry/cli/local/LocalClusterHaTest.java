package io.quarry.cli.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.scheduler.service.SchedulerClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarry local start --ha}'s cluster, in this JVM: an embedded ZooKeeper and two Schedulers that fail over. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalClusterHaTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theHaLocalClusterRunsTwoSchedulersThatHaadminFailsOver() throws Exception {
        int nameNodePort = freePort();
        int schedulerPort = freePort();
        Configuration conf = Configuration.of(Map.of("dfs.namenode.rpc-address", "127.0.0.1:" + nameNodePort,
                "dfs.namenode.http-address", "127.0.0.1:0", "quarry.scheduler.address", "127.0.0.1:" + schedulerPort));
        try (LocalCluster cluster = LocalCluster.start(conf, new LocalDirs(dir.resolve("local")), 1, true)) {
            LocalState state = cluster.state();
            assertThat(state.highlyAvailable()).isTrue();
            assertThat(state.scheduler()).isEqualTo("127.0.0.1:" + schedulerPort);
            assertThat(state.standbyScheduler()).startsWith("127.0.0.1:").isNotEqualTo(state.scheduler());
            assertThat(state.describe()).contains("standby " + state.standbyScheduler()).contains("ZooKeeper " + state.zooKeeper());
            state.write(dir.resolve("local.properties"));
            assertThat(LocalState.read(dir.resolve("local.properties"))).isEqualTo(state);

            CliRun before = haadmin(state, "-getServiceState", "scheduler");
            assertThat(before.exitCode()).as(before.toString()).isZero();
            // Either Scheduler may win the first election; exactly one of the two is active.
            boolean firstLeads = before.out().lines().anyMatch((state.scheduler() + "  active")::equals);
            String active = firstLeads ? state.scheduler() : state.standbyScheduler();
            String standby = firstLeads ? state.standbyScheduler() : state.scheduler();
            assertThat(before.out().lines()).containsExactlyInAnyOrder(active + "  active", standby + "  standby");

            CliRun failover = haadmin(state, "-failover", "scheduler");
            assertThat(failover.exitCode()).as(failover.toString()).isZero();
            assertThat(failover.out()).contains("to " + standby + " successful");

            Configuration client = conf.with("ha.zookeeper.quorum", state.zooKeeper()).with("quarry.ha.cluster-id", "local");
            try (SchedulerClient scheduler = SchedulerClient.connect(client, true)) {
                assertThat(scheduler.listJobs()).as("the new active serves").isEmpty();
            }
            Await.untilNoException("the NameNode to keep serving without HA", WAIT,
                    () -> assertThat(cluster.nameNode().isInSafeMode()).isFalse());
        }
    }

    @Test
    void aClusterWithoutHaWritesNoZooKeeperToItsState() throws Exception {
        LocalState plain = new LocalState("qfs://127.0.0.1:8020", "127.0.0.1:9870", java.util.List.of("127.0.0.1:1"),
                "127.0.0.1:8030", "127.0.0.1:2");
        plain.write(dir.resolve("plain.properties"));
        LocalState read = LocalState.read(dir.resolve("plain.properties"));
        assertThat(read).isEqualTo(plain);
        assertThat(read.highlyAvailable()).isFalse();
        assertThat(read.describe()).doesNotContain("standby");
    }

    private static CliRun haadmin(LocalState state, String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "-Dha.zookeeper.quorum=" + state.zooKeeper();
        full[1] = "-Dquarry.ha.cluster-id=local";
        full[2] = "haadmin";
        System.arraycopy(args, 0, full, 3, args.length);
        return CliRun.run(FileSystemOpener.standard(), full);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
