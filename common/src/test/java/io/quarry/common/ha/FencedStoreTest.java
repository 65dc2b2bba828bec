package io.quarry.common.ha;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A master's state in ZooKeeper: atomic writes under the writer's epoch, refused once a newer leader took over. */
@Timeout(60)
class FencedStoreTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
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
    void writesOfTheCurrentEpochApplyAtomically() throws Exception {
        HaSession session = session("atomic");
        Epoch epoch = lead(session, "a:1");
        FencedStore store = session.store("master", "state");
        store.ensureDirectories("items");

        store.write(epoch, List.of(new StoreOp.Create("items/x", bytes("1")), new StoreOp.Create("items/y", bytes("2"))));
        store.write(epoch, List.of(new StoreOp.Set("items/x", bytes("3")), new StoreOp.Delete("items/y")));

        assertThat(store.children("items")).containsExactly("x");
        assertThat(store.get("items/x")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("3"));
        assertThat(store.get("items/y")).isEmpty();
        assertThatThrownBy(() -> store.write(epoch, List.of(new StoreOp.Create("items/z", bytes("4")),
                new StoreOp.Create("items/x", bytes("5"))))).as("one failing op fails the whole transaction")
                .hasMessageContaining("items/z");
        assertThat(store.exists("items/z")).isFalse();
    }

    @Test
    void aDeposedLeadersWriteIsFencedAndChangesNothing() throws Exception {
        HaSession old = session("fenced");
        Epoch stale = lead(old, "old:1");
        FencedStore store = old.store("master", "state");
        store.ensureDirectories("items");
        LeaderElection newer = session("fenced").election("master", "new:1", LeadershipListener.NONE);
        closers.add(newer);
        newer.start();
        Await.untilNoException("both candidates", WAIT, () -> assertThat(old.participants("master")).hasSize(2));
        assertThat(old.failover("master", WAIT)).isEqualTo("new:1");

        assertThatThrownBy(() -> store.write(stale, List.of(new StoreOp.Create("items/late", bytes("x")))))
                .isInstanceOf(FencedException.class).hasMessageContaining("epoch " + stale.number());
        assertThat(store.exists("items/late")).isFalse();
        store.write(newer.epoch().orElseThrow(), List.of(new StoreOp.Create("items/late", bytes("x"))));
        assertThat(store.exists("items/late")).isTrue();
    }

    private HaSession session(String clusterId) throws Exception {
        HaSession session = HaSession.connect(HaSettings.from(Configuration.of(Map.of("ha.zookeeper.quorum",
                server.getConnectString(), "quarry.ha.cluster-id", clusterId, "ha.zookeeper.session-timeout.ms", "6000"))));
        closers.add(session);
        return session;
    }

    private Epoch lead(HaSession session, String address) throws Exception {
        LeaderElection election = session.election("master", address, LeadershipListener.NONE);
        closers.add(election);
        election.start();
        assertThat(election.awaitLeadership(WAIT)).isTrue();
        return election.epoch().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
