package io.quarry.common.ha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graceful hand-over of a role's leadership through ZooKeeper, and the participant listing haadmin prints. */
@Timeout(60)
class HandOverTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger ROLES = new AtomicInteger();
    private static TestingServer server;

    private final List<AutoCloseable> closers = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestingServer(true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
    }

    @Test
    void failoverHandsLeadershipToTheOtherCandidateAndBack() throws Exception {
        String role = newRole();
        List<String> events = new CopyOnWriteArrayList<>();
        LeaderElection a = candidate(role, "a:1", events);
        assertThat(a.awaitLeadership(WAIT)).isTrue();
        LeaderElection b = candidate(role, "b:1", events);
        Await.until("both candidates to be listed", WAIT, () -> participants(role).size() == 2);
        long firstEpoch = a.epoch().orElseThrow().number();

        String now = HandOver.failover(client(), role, WAIT);

        assertThat(now).isEqualTo("b:1");
        assertThat(b.awaitLeadership(WAIT)).isTrue();
        assertThat(a.isLeader()).isFalse();
        assertThat(b.epoch().orElseThrow().number()).isGreaterThan(firstEpoch);
        assertThat(events).containsSubsequence("a gained " + firstEpoch, "a lost", "b gained " + b.epoch().orElseThrow().number());
        Await.untilNoException("the old active to be listed again as a standby", WAIT, () -> assertThat(participants(role))
                .containsExactlyInAnyOrder(new Participant("a:1", false), new Participant("b:1", true)));

        assertThat(HandOver.failover(client(), role, WAIT)).as("and back again").isEqualTo("a:1");
        assertThat(a.awaitLeadership(WAIT)).isTrue();
        Await.until("b to step down", WAIT, () -> !b.isLeader());
    }

    @Test
    void theDeposedActivesEpochIsFencedAfterAHandOver() throws Exception {
        String role = newRole();
        LeaderElection a = candidate(role, "a:1", new CopyOnWriteArrayList<>());
        assertThat(a.awaitLeadership(WAIT)).isTrue();
        Epoch stale = a.epoch().orElseThrow();
        candidate(role, "b:1", new CopyOnWriteArrayList<>());
        Await.until("both candidates to be listed", WAIT, () -> participants(role).size() == 2);

        HandOver.failover(client(), role, WAIT);

        CuratorFramework client = client();
        assertThatThrownBy(() -> new EpochFence(client, role).commit(stale,
                List.of(client.transactionOp().create().forPath("/" + role + "/stale-write"))))
                .isInstanceOf(FencedException.class);
        assertThat(client.checkExists().forPath("/" + role + "/stale-write")).isNull();
    }

    @Test
    void participantsListEveryCandidateInElectionOrderWithTheActiveFlagged() throws Exception {
        String role = newRole();
        assertThat(participants(role)).as("no one joined yet").isEmpty();
        LeaderElection first = candidate(role, "first:1", new CopyOnWriteArrayList<>());
        assertThat(first.awaitLeadership(WAIT)).isTrue();
        candidate(role, "second:1", new CopyOnWriteArrayList<>());
        candidate(role, "third:1", new CopyOnWriteArrayList<>());

        Await.untilNoException("three participants", WAIT, () -> assertThat(participants(role)).containsExactly(
                new Participant("first:1", true), new Participant("second:1", false), new Participant("third:1", false)));
        assertThat(participants(role).get(0).state()).isEqualTo("active");
        assertThat(participants(role).get(1).state()).isEqualTo("standby");
    }

    @Test
    void failoverWithoutAStandbyFailsAndTheActiveKeepsLeading() throws Exception {
        String role = newRole();
        LeaderElection only = candidate(role, "only:1", new CopyOnWriteArrayList<>());
        assertThat(only.awaitLeadership(WAIT)).isTrue();

        assertThatThrownBy(() -> HandOver.failover(client(), role, WAIT))
                .isInstanceOf(HandOverException.class).hasMessageContaining("No standby").hasMessageContaining("only:1");
        assertThat(only.isLeader()).isTrue();
    }

    @Test
    void failoverWithoutAnActiveFailsNamingTheRole() throws Exception {
        String role = newRole();
        assertThatThrownBy(() -> HandOver.failover(client(), role, WAIT))
                .isInstanceOf(HandOverException.class).hasMessageContaining("No " + role + " is active");
    }

    @Test
    void aStaleRequestNamingAnotherCandidateIsDroppedWithoutAHandOver() throws Exception {
        String role = newRole();
        List<String> events = new CopyOnWriteArrayList<>();
        LeaderElection a = candidate(role, "a:1", events);
        assertThat(a.awaitLeadership(WAIT)).isTrue();
        candidate(role, "b:1", events);
        CuratorFramework client = client();

        HandOver.request(client, role, "gone:1");

        Await.untilNoException("the stale request to be dropped", WAIT,
                () -> assertThat(client.checkExists().forPath("/" + role + "/handover")).isNull());
        assertThat(a.isLeader()).isTrue();
        assertThat(events).containsExactly("a gained 1");
    }

    private static String newRole() {
        return "handover" + ROLES.incrementAndGet();
    }

    private List<Participant> participants(String role) {
        try {
            return HandOver.participants(client(), role);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the participants of " + role, e);
        }
    }

    private CuratorFramework client() throws Exception {
        HaSettings settings = HaSettings.from(Configuration.of(Map.of(
                "ha.zookeeper.quorum", server.getConnectString(), "ha.zookeeper.session-timeout.ms", "6000",
                "quarry.ha.zookeeper.connect-timeout", "5s", "quarry.ha.cluster-id", "test")));
        CuratorFramework client = ZooKeeperClients.connect(settings);
        closers.add(client);
        return client;
    }

    private LeaderElection candidate(String role, String address, List<String> events) throws Exception {
        String name = address.substring(0, address.indexOf(':'));
        LeaderElection election = new LeaderElection(client(), role, address, new LeadershipListener() {
            @Override
            public void gained(Epoch epoch) {
                events.add(name + " gained " + epoch.number());
            }

            @Override
            public void lost() {
                events.add(name + " lost");
            }
        });
        closers.add(election);
        election.start();
        return election;
    }
}
