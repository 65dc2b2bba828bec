package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.KillAttempt;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import io.quarry.scheduler.core.SimulatedCluster.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpeculationTest {

    @Test
    void aStragglerGetsExactlyOneBackupTheFirstToFinishWinsAndOnlyOneAttemptCommits() {
        long seed = Seeds.seed("aStragglerGetsExactlyOneBackupTheFirstToFinishWinsAndOnlyOneAttemptCommits");
        SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seed, 2, 4, 2, 1);
        JobId id = new JobId("sim", 1);
        TaskId slowMap = new TaskId(id, TaskType.MAP, 5);
        TaskId slowReduce = new TaskId(id, TaskType.REDUCE, 1);
        cluster.behave((attempt, worker, random) -> attempt.attempt() == 0
                && (attempt.taskId().equals(slowMap) || attempt.taskId().equals(slowReduce))
                ? Outcome.succeedAfter(300_000) : Outcome.succeedAfter(10_000));
        cluster.submit(new JobSpec(id, "alice", "straggler", TestSplit.on(12), 4));
        long took = cluster.runUntil("straggler job done", 300, () -> cluster.isCompleted(id));
        JobStatus status = cluster.core().jobStatus(id).orElseThrow();
        assertThat(status.isSuccessful()).isTrue();
        System.out.println("job with two 300 s stragglers took " + took + " s");

        List<LaunchAttempt> speculative = cluster.actions(LaunchAttempt.class).stream().filter(LaunchAttempt::speculative).toList();
        assertThat(speculative).extracting(l -> l.attempt().taskId()).containsExactlyInAnyOrder(slowMap, slowReduce);
        for (TaskId straggler : List.of(slowMap, slowReduce)) {
            TaskAttemptId original = new TaskAttemptId(straggler, 0);
            LaunchAttempt backup = speculative.stream().filter(l -> l.attempt().taskId().equals(straggler)).findFirst().orElseThrow();
            String originalWorker = FaultToleranceTest.launchesOf(cluster, straggler).get(0).workerId();
            assertThat(backup.workerId()).as("backup of %s on another worker", straggler).isNotEqualTo(originalWorker);
            assertThat(cluster.actions(KillAttempt.class)).as("the original of %s is killed", straggler)
                    .anySatisfy(kill -> {
                        assertThat(kill.attempt()).isEqualTo(original);
                        assertThat(kill.reason()).contains(backup.attempt() + " succeeded first");
                    });
        }
        assertThat(cluster.commits()).hasSize(16).allSatisfy((task, attempts) ->
                assertThat(attempts).as("attempts of %s that committed", task).hasSize(1));
    }

    @Test
    void noBackupWhenSpeculationIsOff() {
        long seed = Seeds.seed("noBackupWhenSpeculationIsOff");
        SchedulerConfig config = SchedulerConfig.from(io.quarry.common.conf.Configuration.empty()
                .with(SchedulerConfigKeys.MAP_SPECULATIVE, "false"));
        SimulatedCluster cluster = SimulatedCluster.racks(config, seed, 1, 4, 2, 1);
        JobId id = new JobId("sim", 1);
        cluster.behave((attempt, worker, random) -> Outcome.succeedAfter(attempt.taskId().index() == 0 ? 60_000 : 5_000));
        cluster.submit(new JobSpec(id, "alice", "no speculation", TestSplit.on(8), 0));
        assertThat(cluster.awaitCompletion(id, 200).isSuccessful()).isTrue();
        assertThat(cluster.actions(LaunchAttempt.class)).noneMatch(LaunchAttempt::speculative);
    }

    @Test
    void canCommitAnswersTrueToExactlyOneAttemptUntilThatAttemptFails() {
        TaskInProgress task = new TaskInProgress(new TaskId(new JobId("sim", 1), TaskType.REDUCE, 0), null, new TaskInProgress.RunningTally());
        TaskAttempt first = task.launch("w0", null, false, 0);
        TaskAttempt backup = task.launch("w1", null, true, 10);
        assertThat(task.canCommit(first.id())).isTrue();
        assertThat(task.canCommit(backup.id())).isFalse();
        assertThat(task.canCommit(first.id())).as("asking again").isTrue();
        task.fail(first, AttemptState.FAILED, "lost its disk while committing", 20);
        assertThat(task.canCommit(backup.id())).isTrue();
        assertThat(task.canCommit(first.id())).isFalse();
    }
}
