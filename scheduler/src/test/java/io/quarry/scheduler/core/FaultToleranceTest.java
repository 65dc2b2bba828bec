package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import io.quarry.scheduler.core.SchedulerAction.RerunMap;
import io.quarry.scheduler.core.SimulatedCluster.Outcome;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultToleranceTest {
    private static final SchedulerConfig CONFIG = SchedulerConfig.from(Configuration.empty()
            .with(SchedulerConfigKeys.WORKER_EXPIRY, "10s"));

    @Test
    void aTaskThatAlwaysFailsFailsTheJobAfterMaxAttemptsWithItsError() {
        long seed = Seeds.seed("aTaskThatAlwaysFailsFailsTheJobAfterMaxAttemptsWithItsError");
        SimulatedCluster cluster = SimulatedCluster.racks(CONFIG, seed, 2, 4, 2, 1);
        cluster.behave((attempt, worker, random) -> attempt.taskId().index() == 3 && attempt.type() == TaskType.MAP
                ? Outcome.failAfter(2_000, "java.lang.IllegalStateException: bad record at offset 1234 of part-3")
                : SimulatedCluster.DEFAULT.of(attempt, worker, random));
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "doomed", TestSplit.replicated(16, 3, cluster.hostsByRack(), cluster.random()), 1));
        JobStatus status = cluster.awaitCompletion(id, 500);

        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failure()).contains("task_sim_0001_m_000003", "failed 4 times",
                "bad record at offset 1234 of part-3");
        List<LaunchAttempt> launches = launchesOf(cluster, new TaskId(id, TaskType.MAP, 3));
        assertThat(launches).hasSize(4);
        assertThat(launches.stream().map(LaunchAttempt::workerId).collect(Collectors.toSet()))
                .as("each retry on another worker").hasSize(4);
        assertThat(status.counters().value(JobCounter.NUM_FAILED_MAPS)).isEqualTo(4);
        for (int w = 0; w < 8; w++) {
            String worker = "w" + w;
            cluster.step();
            assertThat(cluster.attemptsOn(worker)).as("attempts left on %s after the job failed", worker)
                    .noneMatch(a -> a.jobId().equals(id));
        }
    }

    @Test
    void workersLostMidMapAndMidReduceAreRecoveredAndTheirMapOutputsRerun() {
        long seed = Seeds.seed("workersLostMidMapAndMidReduceAreRecoveredAndTheirMapOutputsRerun");
        SimulatedCluster cluster = SimulatedCluster.racks(CONFIG, seed, 2, 4, 2, 1);
        cluster.behave((attempt, worker, random) -> attempt.type() == TaskType.REDUCE
                ? Outcome.succeedAfter(30_000) : SimulatedCluster.DEFAULT.of(attempt, worker, random));
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "survivor", TestSplit.replicated(32, 3, cluster.hostsByRack(), cluster.random()), 4));

        cluster.runUntil("12 maps done", 200, () -> cluster.core().mapOutputs(id).size() >= 12);
        String firstVictim = busiestMapOutputHolder(cluster, id);
        Set<TaskId> lostInMapPhase = outputsOn(cluster, id, firstVictim);
        System.out.println("killing " + firstVictim + " in the map phase, holding " + lostInMapPhase.size() + " map outputs");
        cluster.kill(firstVictim);

        cluster.runUntil("a reduce running", 500, () -> cluster.core().runningJob(id).orElseThrow().running(TaskType.REDUCE) > 0);
        String secondVictim = cluster.core().workers().live().stream().map(WorkerInfo::id)
                .filter(w -> cluster.attemptsOn(w).stream().anyMatch(a -> a.type() == TaskType.REDUCE))
                .findFirst().orElseThrow();
        Set<TaskId> lostInReducePhase = outputsOn(cluster, id, secondVictim);
        System.out.println("killing " + secondVictim + " in the reduce phase, holding " + lostInReducePhase.size() + " map outputs");
        cluster.kill(secondVictim);

        JobStatus status = cluster.awaitCompletion(id, 1_000);
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        Map<String, Set<TaskId>> reruns = new HashMap<>();
        for (RerunMap rerun : cluster.actions(RerunMap.class)) {
            reruns.computeIfAbsent(rerun.workerId(), w -> new HashSet<>()).add(rerun.map());
        }
        assertThat(reruns.keySet()).isSubsetOf(firstVictim, secondVictim);
        assertThat(reruns.get(firstVictim)).containsAll(lostInMapPhase);
        assertThat(reruns.getOrDefault(secondVictim, Set.of())).containsAll(lostInReducePhase);
        assertThat(status.counters().value(JobCounter.NUM_FAILED_MAPS)).as("lost attempts do not count as failures").isZero();
        assertThat(status.counters().value(JobCounter.NUM_KILLED_REDUCES)).isGreaterThanOrEqualTo(1);
        assertThat(status.maps().succeeded()).isEqualTo(32);
        assertThat(status.reduces().succeeded()).isEqualTo(4);
    }

    @Test
    void aWorkerThatKeepsFailingAJobsTasksGetsNoMoreOfThemButStillServesOtherJobs() {
        long seed = Seeds.seed("aWorkerThatKeepsFailingAJobsTasksGetsNoMoreOfThemButStillServesOtherJobs");
        SimulatedCluster cluster = SimulatedCluster.racks(CONFIG, seed, 2, 4, 2, 1);
        JobId flaky = new JobId("sim", 1);
        JobId other = new JobId("sim", 2);
        cluster.behave((attempt, worker, random) -> worker.equals("w3") && attempt.jobId().equals(flaky)
                ? Outcome.failAfter(1_000, "java.io.IOException: No space left on device in /data3")
                : SimulatedCluster.DEFAULT.of(attempt, worker, random));
        cluster.submit(new JobSpec(flaky, "alice", "flaky", TestSplit.replicated(48, 3, cluster.hostsByRack(), cluster.random()), 0));
        cluster.runUntil("w3 excluded", 200, () -> cluster.core().runningJob(flaky).orElseThrow().isExcluded("w3"));
        int excludedAt = cluster.log().size();

        JobStatus status = cluster.awaitCompletion(flaky, 1_000);
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.maps().failedAttempts()).as("3 to exclude, plus one already running in w3's other slot")
                .isBetween(3, 4);
        List<SchedulerAction> after = cluster.log().subList(excludedAt, cluster.log().size());
        assertThat(after).filteredOn(LaunchAttempt.class::isInstance).map(LaunchAttempt.class::cast)
                .filteredOn(l -> l.attempt().jobId().equals(flaky)).isNotEmpty()
                .noneMatch(l -> l.workerId().equals("w3"));

        cluster.submit(new JobSpec(other, "bob", "other", TestSplit.replicated(48, 3, cluster.hostsByRack(), cluster.random()), 0));
        cluster.runUntil("w3 running a task of another job", 50,
                () -> cluster.attemptsOn("w3").stream().anyMatch(a -> a.jobId().equals(other)));
        assertThat(cluster.awaitCompletion(other, 1_000).isSuccessful()).isTrue();
    }

    @Test
    void aJobsOwnMaxAttemptsOverridesTheSchedulersAndExclusionNeverStrandsIt() {
        long seed = Seeds.seed("aJobsOwnMaxAttemptsOverridesTheSchedulersAndExclusionNeverStrandsIt");
        SimulatedCluster cluster = SimulatedCluster.racks(CONFIG, seed, 1, 1, 1, 1);
        cluster.behave((attempt, worker, random) -> Outcome.failAfter(1_000, "java.lang.OutOfMemoryError: Java heap space"));
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "one worker", TestSplit.on(1, "h0"), 0,
                Configuration.empty().with(SchedulerConfigKeys.MAP_MAX_ATTEMPTS, "6")));
        JobStatus status = cluster.awaitCompletion(id, 100);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failure()).contains("failed 6 times (6 allowed)", "on worker w0", "Java heap space");
        assertThat(launchesOf(cluster, new TaskId(id, TaskType.MAP, 0))).as("retried on the only, excluded, worker").hasSize(6);
    }

    static List<LaunchAttempt> launchesOf(SimulatedCluster cluster, TaskId task) {
        return cluster.actions(LaunchAttempt.class).stream().filter(l -> l.attempt().taskId().equals(task)).toList();
    }

    private static String busiestMapOutputHolder(SimulatedCluster cluster, JobId id) {
        Map<String, Integer> counts = new HashMap<>();
        cluster.core().mapOutputs(id).values().forEach(o -> counts.merge(o.workerId(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private static Set<TaskId> outputsOn(SimulatedCluster cluster, JobId id, String worker) {
        Set<TaskId> maps = new HashSet<>();
        cluster.core().mapOutputs(id).values().stream().filter(o -> o.workerId().equals(worker))
                .map(MapOutputLocation::attempt).map(TaskAttemptId::taskId).forEach(maps::add);
        return maps;
    }
}
