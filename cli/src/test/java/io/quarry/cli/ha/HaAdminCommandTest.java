package io.quarry.cli.ha;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.FileSystemOpener;
import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.HaSession;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.LeaderElection;
import io.quarry.common.ha.LeadershipListener;
import io.quarry.common.ha.StandaloneZooKeeper;
import io.quarry.common.testing.Await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarry haadmin} against a real ZooKeeper server and real elections of both master roles. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HaAdminCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new IOException("no filesystem in this test: " + uri);
    };

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> closers = new ArrayList<>();
    private StandaloneZooKeeper zooKeeper;
    private String quorum;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = StandaloneZooKeeper.start(Configuration.of(Map.of("quarry.zookeeper.client.port", "0",
                "quarry.zookeeper.bind-host", "127.0.0.1", "quarry.zookeeper.data.dir", dataDir.toString(),
                "quarry.zookeeper.tick-time", "500ms")));
        quorum = zooKeeper.clientAddress().toString();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
        zooKeeper.close();
    }

    @Test
    void getServiceStatePrintsEveryCandidateWithItsState() throws Exception {
        LeaderElection first = candidate("scheduler", "10.0.0.1:8030");
        assertThat(first.awaitLeadership(WAIT)).isTrue();
        candidate("scheduler", "10.0.0.2:8030");
        Await.until("both candidates listed", WAIT, () -> haadmin("-getServiceState", "scheduler").out().lines().count() == 2);

        CliRun run = haadmin("-getServiceState", "scheduler");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).containsExactly("10.0.0.1:8030  active", "10.0.0.2:8030  standby");
    }

    @Test
    void failoverHandsOverToTheStandbyAndSaysWhichIsActiveNow() throws Exception {
        LeaderElection first = candidate("namenode", "nn1:8020");
        assertThat(first.awaitLeadership(WAIT)).isTrue();
        LeaderElection second = candidate("namenode", "nn2:8020");
        Await.until("both candidates listed", WAIT, () -> haadmin("-getServiceState", "namenode").out().lines().count() == 2);

        CliRun run = haadmin("-failover", "namenode");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Failover from nn1:8020 to nn2:8020 successful");
        assertThat(second.awaitLeadership(WAIT)).isTrue();
        Await.until("the old active to step down", WAIT, () -> !first.isLeader());
        Await.untilNoException("the states to be swapped", WAIT, () -> assertThat(haadmin("-getServiceState", "namenode").out()
                .lines()).containsExactlyInAnyOrder("nn1:8020  standby", "nn2:8020  active"));
    }

    @Test
    void failoverWithoutAStandbyFailsWith255AndTheActiveStays() throws Exception {
        LeaderElection only = candidate("scheduler", "10.0.0.1:8030");
        assertThat(only.awaitLeadership(WAIT)).isTrue();

        CliRun run = haadmin("-failover", "scheduler");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(255);
        assertThat(run.err()).contains("No standby scheduler").contains("10.0.0.1:8030");
        assertThat(only.isLeader()).isTrue();
    }

    @Test
    void getServiceStateOfARoleNobodyRunsFailsWith255() {
        CliRun run = haadmin("-getServiceState", "namenode");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(255);
        assertThat(run.err()).contains("no namenode is running").contains(quorum);
    }

    @Test
    void withoutAQuorumHaadminSaysHaIsOff() {
        CliRun run = CliRun.run(NO_FILESYSTEM, "haadmin", "-getServiceState", "scheduler");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(255);
        assertThat(run.err()).contains("ha.zookeeper.quorum is not set");
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertThat(haadmin("-getServiceState", "datanode").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(haadmin("-transitionToActive", "scheduler").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(haadmin("-failover", "scheduler", "-wait", "soon").err()).contains("-wait takes a number of seconds");
        assertThat(haadmin().exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun help = CliRun.run(NO_FILESYSTEM, "haadmin", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("-getServiceState").contains("-failover").contains("255");
    }

    private CliRun haadmin(String... args) {
        List<String> all = new ArrayList<>(List.of("-Dha.zookeeper.quorum=" + quorum, "-Dquarry.ha.cluster-id=haadmin", "haadmin"));
        all.addAll(List.of(args));
        return CliRun.run(NO_FILESYSTEM, all.toArray(String[]::new));
    }

    private LeaderElection candidate(String role, String address) throws Exception {
        HaSession session = HaSession.connect(HaSettings.from(Configuration.of(Map.of("ha.zookeeper.quorum", quorum,
                "quarry.ha.cluster-id", "haadmin", "ha.zookeeper.session-timeout.ms", "6000"))));
        closers.add(session);
        LeaderElection election = session.election(role, address, LeadershipListener.NONE);
        closers.add(election);
        election.start();
        return election;
    }
}
