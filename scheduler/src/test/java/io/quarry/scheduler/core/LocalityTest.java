package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocalityTest {

    @Test
    void eightWorkersOnTwoRacksRunAtLeastNinetyPercentOfMapsDataLocal() {
        long seed = Seeds.seed("eightWorkersOnTwoRacksRunAtLeastNinetyPercentOfMapsDataLocal");
        Random seeds = new Random(seed);
        long local = 0;
        long launched = 0;
        double worst = 1;
        for (int run = 0; run < 5; run++) {
            SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seeds.nextLong(), 2, 4, 2, 1);
            JobId id = new JobId("sim", 1);
            cluster.submit(new JobSpec(id, "alice", "locality",
                    TestSplit.replicated(64, 3, cluster.hostsByRack(), cluster.random()), 1));
            JobStatus status = cluster.awaitCompletion(id, 1_000);
            assertThat(status.isSuccessful()).isTrue();
            long dataLocal = status.counters().value(JobCounter.DATA_LOCAL_MAPS);
            long total = status.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS);
            assertThat(dataLocal + status.counters().value(JobCounter.RACK_LOCAL_MAPS)
                    + status.counters().value(JobCounter.OTHER_LOCAL_MAPS)).isEqualTo(total);
            local += dataLocal;
            launched += total;
            worst = Math.min(worst, dataLocal / (double) total);
        }
        double share = local / (double) launched;
        System.out.printf(Locale.ROOT, "data-local maps: %d of %d launched (%.1f%%, worst run %.1f%%)%n", local, launched,
                share * 100, worst * 100);
        assertThat(worst).as("data-local share of the worst of 5 runs").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void delaySchedulingSkipsNodeDelayOpportunitiesBeforeRackLocalThenRackDelayBeforeOffRack() {
        ManualClock clock = new ManualClock();
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults().withLocalityDelays(2, 3), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        core.registerWorker(new WorkerInfo("w1", "h1", "/r0", 1, 1));
        core.registerWorker(new WorkerInfo("w2", "h2", "/r1", 1, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "delay", TestSplit.on(2, "h0"), 0));
        // w0 is busy with map 0; map 1 waits for h0.
        assertThat(launches(core.heartbeat(new Heartbeat("w0", List.of())))).hasSize(1);
        assertThat(launches(core.heartbeat(new Heartbeat("w1", List.of())))).as("1st skip").isEmpty();
        assertThat(launches(core.heartbeat(new Heartbeat("w2", List.of())))).as("2nd skip").isEmpty();
        assertThat(launches(core.heartbeat(new Heartbeat("w2", List.of())))).as("off-rack still waits").isEmpty();
        List<LaunchAttempt> rackLocal = launches(core.heartbeat(new Heartbeat("w1", List.of())));
        assertThat(rackLocal).singleElement().satisfies(l -> assertThat(l.locality()).isEqualTo(Locality.RACK_LOCAL));
    }

    @Test
    void offRackLaunchFollowsNodeAndRackDelaysWhenNoWorkerHoldsTheData() {
        ManualClock clock = new ManualClock();
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults().withLocalityDelays(2, 3), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "delay", TestSplit.on(1, "elsewhere"), 0));
        for (int skip = 1; skip <= 5; skip++) {
            assertThat(launches(core.heartbeat(new Heartbeat("w0", List.of())))).as("skip %d", skip).isEmpty();
        }
        assertThat(launches(core.heartbeat(new Heartbeat("w0", List.of())))).singleElement()
                .satisfies(l -> assertThat(l.locality()).isEqualTo(Locality.OFF_RACK));
    }

    @Test
    void mapsWhoseDataSitsOnOneBusyWorkerSpreadToIdleWorkersAfterTheDelay() {
        long seed = Seeds.seed("mapsWhoseDataSitsOnOneBusyWorkerSpreadToIdleWorkersAfterTheDelay");
        SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seed, 2, 2, 1, 1);
        cluster.behave((attempt, worker, random) -> SimulatedCluster.Outcome.succeedAfter(5_000));
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "hot spot", TestSplit.on(40, "h0"), 0));
        long[] took = new long[1];
        took[0] = cluster.runUntil("hot spot job done", 200, () -> cluster.isCompleted(id));
        JobStatus status = cluster.core().jobStatus(id).orElseThrow();
        assertThat(status.isSuccessful()).isTrue();
        long elsewhere = status.counters().value(JobCounter.RACK_LOCAL_MAPS) + status.counters().value(JobCounter.OTHER_LOCAL_MAPS);
        System.out.println("hot spot: " + elsewhere + " of 40 five-second maps ran away from h0; job took " + took[0] + " s");
        assertThat(elsewhere).as("maps that did not wait for h0").isGreaterThan(15);
        assertThat(took[0]).as("seconds; 200 if every map waited for h0").isLessThan(130);
    }

    @Test
    void shortTasksOnHostsWithoutWorkersStillRun() {
        long seed = Seeds.seed("shortTasksOnHostsWithoutWorkersStillRun");
        SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seed, 2, 2, 1, 1);
        cluster.behave((attempt, worker, random) -> SimulatedCluster.Outcome.succeedAfter(1_000));
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "remote data", TestSplit.on(20, "dn-a", "dn-b"), 0));
        JobStatus status = cluster.awaitCompletion(id, 60);
        assertThat(status.isSuccessful()).isTrue();
        assertThat(status.counters().value(JobCounter.OTHER_LOCAL_MAPS)).isEqualTo(20);
    }

    @Test
    void mapsWithoutLocationsNeverWait() {
        ManualClock clock = new ManualClock();
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults().withLocalityDelays(100, 100), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 3, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "anywhere", TestSplit.on(3), 0));
        List<LaunchAttempt> launched = launches(core.heartbeat(new Heartbeat("w0", List.of())));
        assertThat(launched).extracting(LaunchAttempt::attempt)
                .containsExactly(attempt(id, 0), attempt(id, 1), attempt(id, 2));
    }

    @Test
    void aRetryRunsAtOnceOnAnotherWorkerWithoutWaitingForLocality() {
        ManualClock clock = new ManualClock();
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults().withLocalityDelays(100, 100), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        core.registerWorker(new WorkerInfo("w1", "h1", "/r0", 1, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "retry", TestSplit.on(2, "h1"), 0));
        assertThat(launches(core.heartbeat(new Heartbeat("w1", List.of())))).extracting(LaunchAttempt::attempt)
                .containsExactly(attempt(id, 0));
        assertThat(launches(core.heartbeat(new Heartbeat("w0", List.of())))).as("fresh maps wait for h1").isEmpty();
        List<LaunchAttempt> afterFailure = launches(core.heartbeat(new Heartbeat("w1",
                List.of(AttemptReport.failed(attempt(id, 0), "java.io.IOException: disk error")))));
        assertThat(afterFailure).as("the retry avoids w1, where it failed").extracting(LaunchAttempt::attempt)
                .containsExactly(attempt(id, 1));
        assertThat(launches(core.heartbeat(new Heartbeat("w0", List.of())))).singleElement().satisfies(l -> {
            assertThat(l.attempt()).isEqualTo(new TaskAttemptId(new TaskId(id, TaskType.MAP, 0), 1));
            assertThat(l.locality()).isEqualTo(Locality.RACK_LOCAL);
        });
    }

    static TaskAttemptId attempt(JobId id, int map) {
        return new TaskAttemptId(new TaskId(id, TaskType.MAP, map), 0);
    }

    static List<LaunchAttempt> launches(List<SchedulerAction> actions) {
        return actions.stream().filter(LaunchAttempt.class::isInstance).map(LaunchAttempt.class::cast).toList();
    }
}
