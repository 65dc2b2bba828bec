package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import io.quarry.scheduler.core.SchedulerAction.RerunMap;
import io.quarry.scheduler.core.SimulatedCluster.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FetchFailureTest {

    @Test
    void aMapRerunsOnceThreeReducersReportItsOutputUnfetchable() {
        long seed = Seeds.seed("aMapRerunsOnceThreeReducersReportItsOutputUnfetchable");
        SimulatedCluster cluster = clusterWithSlowReduces(seed);
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "fetch", TestSplit.replicated(8, 3, cluster.hostsByRack(), cluster.random()), 3));
        List<TaskAttemptId> reducers = awaitReducers(cluster, id);
        TaskAttemptId mapOutput = cluster.core().mapOutputs(id).get(0).attempt();

        report(cluster, reducers.get(0), mapOutput, "Connection refused");
        report(cluster, reducers.get(1), mapOutput, "Connection refused");
        report(cluster, reducers.get(1), mapOutput, "Connection refused");
        assertThat(cluster.actions(RerunMap.class)).as("two distinct reducers are not enough").isEmpty();
        assertThat(cluster.core().mapOutputs(id).get(0).attempt()).isEqualTo(mapOutput);

        report(cluster, reducers.get(2), mapOutput, "Connection refused");
        assertThat(cluster.actions(RerunMap.class)).singleElement()
                .satisfies(rerun -> assertThat(rerun.lostAttempt()).isEqualTo(mapOutput));
        assertThat(cluster.core().mapOutputs(id)).doesNotContainKey(0);
        cluster.runUntil("map 0 re-run", 100, () -> cluster.core().mapOutputs(id).containsKey(0));
        assertThat(cluster.core().mapOutputs(id).get(0).attempt()).isNotEqualTo(mapOutput);
        assertThat(cluster.awaitCompletion(id, 500).isSuccessful()).isTrue();
    }

    @Test
    void aMapWhoseOutputKeepsFailingToBeFetchedFailsTheJobWithTheRootCause() {
        long seed = Seeds.seed("aMapWhoseOutputKeepsFailingToBeFetchedFailsTheJobWithTheRootCause");
        SimulatedCluster cluster = clusterWithSlowReduces(seed);
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "fetch", TestSplit.replicated(8, 3, cluster.hostsByRack(), cluster.random()), 3));
        List<TaskAttemptId> reducers = awaitReducers(cluster, id);
        TaskAttemptId lastOutput = null;
        for (int round = 1; !cluster.isCompleted(id); round++) {
            assertThat(round).as("rounds of fetch failures before the job gives up").isLessThanOrEqualTo(4);
            TaskAttemptId previous = lastOutput;
            cluster.runUntil("map 0 output available", 100, () -> cluster.isCompleted(id)
                    || cluster.core().mapOutputs(id).containsKey(0) && !cluster.core().mapOutputs(id).get(0).attempt().equals(previous));
            lastOutput = cluster.core().mapOutputs(id).get(0).attempt();
            for (TaskAttemptId reducer : reducers) {
                report(cluster, reducer, lastOutput, "java.net.ConnectException: Connection refused by shuffle server");
            }
        }
        JobStatus status = cluster.awaitCompletion(id, 1);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        String worker = cluster.actions(RerunMap.class).get(3).workerId();
        assertThat(status.failure()).contains("task_sim_0001_m_000000", "failed 4 times", "could not fetch",
                "on worker " + worker, "Connection refused by shuffle server");
    }

    @Test
    void theOnlyReducerOfAJobNeedsNoCompanyToGetAMapRerun() {
        long seed = Seeds.seed("theOnlyReducerOfAJobNeedsNoCompanyToGetAMapRerun");
        SimulatedCluster cluster = clusterWithSlowReduces(seed);
        JobId id = new JobId("sim", 1);
        cluster.submit(new JobSpec(id, "alice", "fetch", TestSplit.replicated(8, 3, cluster.hostsByRack(), cluster.random()), 1));
        cluster.runUntil("the reduce running", 200, () -> cluster.core().runningJob(id).orElseThrow().running(TaskType.REDUCE) == 1);
        TaskAttemptId reducer = cluster.actions(LaunchAttempt.class).stream().map(LaunchAttempt::attempt)
                .filter(a -> a.type() == TaskType.REDUCE).findFirst().orElseThrow();
        TaskAttemptId mapOutput = cluster.core().mapOutputs(id).get(5).attempt();
        report(cluster, reducer, mapOutput, "java.io.IOException: premature EOF after 4096 bytes");
        assertThat(cluster.actions(RerunMap.class)).singleElement().satisfies(rerun -> {
            assertThat(rerun.lostAttempt()).isEqualTo(mapOutput);
            assertThat(rerun.reason()).contains("premature EOF after 4096 bytes");
        });
    }

    private static SimulatedCluster clusterWithSlowReduces(long seed) {
        SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seed, 2, 4, 2, 1);
        cluster.behave((attempt, worker, random) -> attempt.type() == TaskType.REDUCE
                ? Outcome.succeedAfter(200_000) : SimulatedCluster.DEFAULT.of(attempt, worker, random));
        return cluster;
    }

    private static List<TaskAttemptId> awaitReducers(SimulatedCluster cluster, JobId id) {
        cluster.runUntil("three reduces running", 200,
                () -> cluster.core().runningJob(id).orElseThrow().running(TaskType.REDUCE) == 3);
        return cluster.actions(LaunchAttempt.class).stream().map(LaunchAttempt::attempt)
                .filter(a -> a.type() == TaskType.REDUCE).toList();
    }

    private static void report(SimulatedCluster cluster, TaskAttemptId reducer, TaskAttemptId map, String error) {
        cluster.execute(cluster.core().reportFetchFailure(new FetchFailureReport(reducer, map, error)));
    }

    static TaskId map(JobId id, int index) {
        return new TaskId(id, TaskType.MAP, index);
    }
}
