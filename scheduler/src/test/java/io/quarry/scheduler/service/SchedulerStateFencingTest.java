package io.quarry.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.FencedException;
import io.quarry.common.ha.HaSession;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.LeaderElection;
import io.quarry.common.ha.LeadershipListener;
import io.quarry.common.rpc.CallContext;
import io.quarry.common.testing.Await;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.scheduler.core.SchedulerConfig;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.SubmitJobResponse;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Split brain: a Scheduler that still believes it is the active after another took over cannot
 * change the Scheduler state in ZooKeeper; it stops serving at its first attempt.
 */
@Timeout(60)
class SchedulerStateFencingTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final CallContext CALL = new CallContext("test", 1, "tester", null, Long.MAX_VALUE);

    private final List<AutoCloseable> closers = new ArrayList<>();
    private TestingServer zooKeeper;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = new TestingServer(true);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
        zooKeeper.close();
    }

    @Test
    void aDeposedActiveCannotRecordAJobAndStopsServing() throws Exception {
        HaSession old = session();
        Epoch stale = lead(old, "old:1");
        List<Exception> failures = new CopyOnWriteArrayList<>();
        SchedulerService deposed = service(new ZooKeeperStateStore(old.store("scheduler", "state"), stale, 10), failures);
        String first = submit(deposed, "first");

        HaSession fresh = session();
        LeaderElection usurper = fresh.election("scheduler", "new:1", LeadershipListener.NONE);
        closers.add(usurper);
        usurper.start();
        awaitCandidates(fresh, 2);
        assertThat(fresh.failover("scheduler", WAIT)).isEqualTo("new:1");
        Epoch current = usurper.epoch().orElseThrow();
        assertThat(current.number()).isGreaterThan(stale.number());

        assertThatThrownBy(() -> submit(deposed, "second")).isInstanceOfSatisfying(QuarryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STANDBY)).hasMessageContaining("could not save its state");
        assertThat(failures).singleElement().isInstanceOf(FencedException.class);
        assertThatThrownBy(() -> deposed.handle(CALL, new WorkerHeartbeat("w1", List.of(), 1, 1)).toCompletableFuture().get())
                .as("once it failed to write, it serves nothing").hasCauseInstanceOf(QuarryException.class)
                .hasMessageContaining("stepping down");

        RecoveredState seen = new ZooKeeperStateStore(fresh.store("scheduler", "state"), current, 10).load();
        assertThat(seen.running()).extracting(job -> job.submission().jobId()).containsExactly(first);
        assertThat(seen.running().get(0).attemptBase()).as("the new active numbers attempts past the old one's").isEqualTo(1000);
    }

    @Test
    void aStaleEpochsWriteChangesNothingInZooKeeper() throws Exception {
        HaSession session = session();
        Epoch stale = lead(session, "a:1");
        ZooKeeperStateStore store = new ZooKeeperStateStore(session.store("scheduler", "state"), stale, 10);
        LeaderElection newer = session().election("scheduler", "b:1", LeadershipListener.NONE);
        closers.add(newer);
        newer.start();
        awaitCandidates(session, 2);
        session.failover("scheduler", WAIT);

        assertThatThrownBy(() -> store.jobSubmitted(new SubmitJob("job_1_1", "u", "n", Map.of(), "", List.of(), 0)))
                .isInstanceOf(FencedException.class).hasMessageContaining("epoch " + stale.number());
        assertThat(session.store("scheduler", "state").exists("jobs/job_1_1")).isFalse();
    }

    private static void awaitCandidates(HaSession session, int count) {
        Await.untilNoException(count + " Scheduler candidates", WAIT,
                () -> assertThat(session.participants("scheduler")).hasSize(count));
    }

    private HaSession session() throws Exception {
        HaSession session = HaSession.connect(HaSettings.from(Configuration.of(Map.of("ha.zookeeper.quorum",
                zooKeeper.getConnectString(), "quarry.ha.cluster-id", "fencing", "ha.zookeeper.session-timeout.ms", "6000"))));
        closers.add(session);
        return session;
    }

    private Epoch lead(HaSession session, String address) throws Exception {
        LeaderElection election = session.election("scheduler", address, LeadershipListener.NONE);
        closers.add(election);
        election.start();
        assertThat(election.awaitLeadership(WAIT)).isTrue();
        return election.epoch().orElseThrow();
    }

    private SchedulerService service(SchedulerStateStore store, List<Exception> failures) {
        SchedulerService service = new SchedulerService(SchedulerConfig.defaults(), new ManualClock(), Duration.ZERO,
                new HeartbeatPacing(Duration.ofMillis(50), 500), store, failures::add);
        closers.add(service);
        return service;
    }

    private static String submit(SchedulerService service, String name) throws Exception {
        SubmitJob submission = new SubmitJob("", "tester", name, Map.of(MapReduceConfigKeys.JOB_DIR.name(), "/staging/" + name),
                "", List.of(), 1);
        try {
            return ((SubmitJobResponse) service.handle(CALL, submission).toCompletableFuture().get(10, TimeUnit.SECONDS)).jobId();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }
}
