package io.quarry.cli.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** {@code quarry local start --ha}'s cluster, in this JVM: an embedded ZooKeeper, two NameNodes and two Schedulers that fail over. */
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
        }
    }

    @Test
    void theHaLocalClusterRunsTwoNameNodesThatFailOverAndKeepServingFiles() throws Exception {
        int nameNodePort = freePort();
        Configuration conf = Configuration.of(Map.of("dfs.namenode.rpc-address", "127.0.0.1:" + nameNodePort,
                "dfs.namenode.http-address", "127.0.0.1:0", "quarry.scheduler.address", "127.0.0.1:" + freePort()));
        try (LocalCluster cluster = LocalCluster.start(conf, new LocalDirs(dir.resolve("local")), 1, true)) {
            LocalState state = cluster.state();
            assertThat(cluster.nameNodes()).hasSize(2);
            assertThat(state.nameNodeUri()).isEqualTo("qfs://127.0.0.1:" + nameNodePort);
            assertThat(state.secondNameNode()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:" + nameNodePort);
            assertThat(state.secondNameNodeHttp()).isNotEqualTo(state.nameNodeHttp());
            assertThat(state.describe()).contains("NameNodes qfs://127.0.0.1:" + nameNodePort).contains("qfs://" + state.secondNameNode());
            state.write(dir.resolve("local.properties"));
            assertThat(LocalState.read(dir.resolve("local.properties"))).isEqualTo(state);
            String first = "127.0.0.1:" + nameNodePort;
            String second = state.secondNameNode();

            CliRun before = haadmin(state, "-getServiceState", "namenode");
            assertThat(before.exitCode()).as(before.toString()).isZero();
            boolean firstLeads = before.out().lines().anyMatch((first + "  active")::equals);
            String active = firstLeads ? first : second;
            String standby = firstLeads ? second : first;
            assertThat(before.out().lines()).containsExactlyInAnyOrder(active + "  active", standby + "  standby");
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            LocalHaStatus.print(state, conf, new PrintStream(status, true, StandardCharsets.UTF_8));
            assertThat(status.toString(StandardCharsets.UTF_8).lines().map(line -> line.trim().replaceAll(" +", " ")))
                    .contains("namenode " + active + " active", "namenode " + standby + " standby")
                    .anyMatch(line -> line.startsWith("scheduler ") && line.endsWith(" active"));

            Path local = dir.resolve("before.txt");
            Files.writeString(local, "written before the failover\n");
            CliRun put = clientRun(state, "dfs", "-put", local.toString(), "/before.txt");
            assertThat(put.exitCode()).as(put.toString()).isZero();

            CliRun failover = haadmin(state, "-failover", "namenode");
            assertThat(failover.exitCode()).as(failover.toString()).isZero();
            assertThat(failover.out()).contains("to " + standby + " successful");
            Await.until("the other NameNode to be the active", WAIT,
                    () -> cluster.nameNode().isActive() && cluster.nameNode().rpcAddress().toString().equals(standby));
            CliRun after = haadmin(state, "-getServiceState", "namenode");
            assertThat(after.out().lines()).as(after.toString()).contains(standby + "  active");

            Path next = dir.resolve("after.txt");
            Files.writeString(next, "written after the failover\n");
            CliRun putAfter = clientRun(state, "dfs", "-put", next.toString(), "/after.txt");
            assertThat(putAfter.exitCode()).as(putAfter.toString()).isZero();
            CliRun cat = clientRun(state, "dfs", "-cat", "/before.txt", "/after.txt");
            assertThat(cat.exitCode()).as(cat.toString()).isZero();
            assertThat(cat.out()).isEqualTo("written before the failover\nwritten after the failover\n");
            CliRun report = clientRun(state, "dfsadmin", "-report");
            assertThat(report.exitCode()).as(report.toString()).isZero();
            assertThat(report.out()).contains("Live datanodes (1)");
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

    /** A client command with the configuration LocalClientConf gives clients of an --ha cluster. */
    private static CliRun clientRun(LocalState state, String... args) {
        String[] full = new String[args.length + 4];
        full[0] = "-Dha.zookeeper.quorum=" + state.zooKeeper();
        full[1] = "-Dquarry.ha.cluster-id=local";
        full[2] = "-Dfs.defaultFS=qfs://local";
        full[3] = "-Dquarry.user.name=" + System.getProperty("user.name");
        System.arraycopy(args, 0, full, 4, args.length);
        return CliRun.run(FileSystemOpener.standard(), full);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
