package io.quarry.common.ha;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.ZooKeeperEnsembles;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.KillSession;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Leader election, the published address and epoch fencing on a real three-server ZooKeeper ensemble. */
@Timeout(60)
class LeaderElectionTest {
    private static final Duration HAND_OVER = Duration.ofSeconds(15);
    private static final AtomicInteger ROLES = new AtomicInteger();
    private static TestingCluster cluster;

    @TempDir
    static Path ensembleDir;

    private final List<AutoCloseable> closers = new ArrayList<>();

    @BeforeAll
    static void startEnsemble() throws Exception {
        cluster = ZooKeeperEnsembles.start(ensembleDir.toFile(), 3, -1);
    }

    @AfterAll
    static void stopEnsemble() throws Exception {
        cluster.close();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
    }

    @Test
    void oneOfThreeCandidatesLeadsAndClientsReadItsAddress() throws Exception {
        String role = newRole();
        List<LeaderElection> candidates = List.of(candidate(role, "10.0.0.1:8020"), candidate(role, "10.0.0.2:8020"),
                candidate(role, "10.0.0.3:8020"));

        LeaderElection leader = awaitLeader(candidates);

        assertThat(candidates.stream().filter(LeaderElection::isLeader)).containsExactly(leader);
        assertThat(leader.epoch()).hasValueSatisfying(epoch -> assertThat(epoch.number()).isEqualTo(1));
        CuratorFramework reader = client();
        String published = addressOf(leader);
        Await.untilNoException("the active's address to be readable", HAND_OVER,
                () -> assertThat(LeaderElection.activeAddress(reader, role)).hasValue(published));
    }

    @Test
    void closingTheLeaderHandsOverAndTheEpochGrows() throws Exception {
        String role = newRole();
        List<LeaderElection> candidates = List.of(candidate(role, "a:1"), candidate(role, "b:1"), candidate(role, "c:1"));
        LeaderElection first = awaitLeader(candidates);
        long firstEpoch = first.epoch().orElseThrow().number();

        first.close();

        LeaderElection second = awaitLeader(candidates.stream().filter(c -> c != first).toList());
        assertThat(second.epoch().orElseThrow().number()).isGreaterThan(firstEpoch);
        CuratorFramework reader = client();
        Await.untilNoException("the new active's address", HAND_OVER,
                () -> assertThat(LeaderElection.activeAddress(reader, role)).hasValue(addressOf(second)));
        assertThat(first.isLeader()).isFalse();
    }

    @Test
    void anExpiredSessionHandsOverAndTheDeposedLeadersEpochIsFenced() throws Exception {
        String role = newRole();
        List<String> events = new CopyOnWriteArrayList<>();
        CuratorFramework firstClient = client();
        LeaderElection first = new LeaderElection(firstClient, role, "old:1", recording("old", events));
        closers.add(first);
        first.start();
        assertThat(first.awaitLeadership(HAND_OVER)).isTrue();
        Epoch stale = first.epoch().orElseThrow();
        LeaderElection second = candidate(role, "new:1");

        KillSession.kill(firstClient.getZookeeperClient().getZooKeeper(), cluster.getConnectString());

        assertThat(second.awaitLeadership(HAND_OVER)).as("the standby takes over after the session expired").isTrue();
        Await.until("the old leader to hear it lost leadership", HAND_OVER, () -> events.contains("old lost"));
        assertThat(first.isLeader()).isFalse();
        Epoch current = second.epoch().orElseThrow();
        assertThat(current.number()).isGreaterThan(stale.number());

        EpochFence fence = new EpochFence(firstClient, role);
        String marker = "/" + role + "/marker";
        assertThatThrownBy(() -> fence.commit(stale, List.of(firstClient.transactionOp().create().forPath(marker))))
                .isInstanceOf(FencedException.class)
                .hasMessageContaining(role).hasMessageContaining("epoch " + stale.number());
        assertThat(firstClient.checkExists().forPath(marker)).as("nothing of the fenced write applied").isNull();

        fence.commit(current, List.of(firstClient.transactionOp().create().forPath(marker, "ok".getBytes(StandardCharsets.UTF_8))));
        assertThat(firstClient.getData().forPath(marker)).asString(StandardCharsets.UTF_8).isEqualTo("ok");
    }

    @Test
    void epochsStrictlyIncreaseAcrossHandOvers() throws Exception {
        String role = newRole();
        List<Long> epochs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            LeaderElection leader = candidate(role, "n" + round + ":1");
            assertThat(leader.awaitLeadership(HAND_OVER)).isTrue();
            epochs.add(leader.epoch().orElseThrow().number());
            leader.close();
        }
        assertThat(epochs).containsExactly(1L, 2L, 3L);
        assertThat(new EpochFence(client(), role).current()).isEqualTo(3);
    }

    @Test
    void listenerHearsGainWithItsEpoch() throws Exception {
        String role = newRole();
        List<String> events = new CopyOnWriteArrayList<>();
        LeaderElection only = new LeaderElection(client(), role, "only:1", recording("only", events));
        closers.add(only);
        only.start();
        Await.until("the listener to hear leadership", HAND_OVER, () -> events.contains("only gained 1"));
        only.close();
        assertThat(events).containsExactly("only gained 1", "only lost");
    }

    @Test
    void unreachableQuorumFailsWithinTheDeadlineNamingIt() {
        HaSettings settings = HaSettings.from(Configuration.of(Map.of(
                "ha.zookeeper.quorum", "127.0.0.1:1", "quarry.ha.zookeeper.connect-timeout", "300ms")));
        assertThatThrownBy(() -> ZooKeeperClients.connect(settings))
                .isInstanceOf(HaUnavailableException.class)
                .hasMessageContaining("127.0.0.1:1").hasMessageContaining("ha.zookeeper.quorum");
    }

    private static String newRole() {
        return "role" + ROLES.incrementAndGet();
    }

    private CuratorFramework client() throws Exception {
        HaSettings settings = HaSettings.from(Configuration.of(Map.of(
                "ha.zookeeper.quorum", cluster.getConnectString(), "ha.zookeeper.session-timeout.ms", "6000", "quarry.ha.zookeeper.connect-timeout", "5s",
                "quarry.ha.cluster-id", "test")));
        CuratorFramework client = ZooKeeperClients.connect(settings);
        closers.add(client);
        return client;
    }

    private LeaderElection candidate(String role, String address) throws Exception {
        LeaderElection election = new LeaderElection(client(), role, address, LeadershipListener.NONE);
        closers.add(election);
        election.start();
        return election;
    }

    private static LeaderElection awaitLeader(List<LeaderElection> candidates) {
        List<LeaderElection> leader = new ArrayList<>();
        Await.until("one of " + candidates.size() + " candidates to lead", HAND_OVER, () -> {
            leader.clear();
            candidates.stream().filter(LeaderElection::isLeader).forEach(leader::add);
            return leader.size() == 1;
        });
        return leader.get(0);
    }

    private static String addressOf(LeaderElection election) {
        return election.address();
    }

    private static LeadershipListener recording(String name, List<String> events) {
        return new LeadershipListener() {
            @Override
            public void gained(Epoch epoch) {
                events.add(name + " gained " + epoch.number());
            }

            @Override
            public void lost() {
                events.add(name + " lost");
            }
        };
    }
}
