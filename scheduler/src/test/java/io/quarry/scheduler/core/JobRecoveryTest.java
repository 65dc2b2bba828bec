package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.CommitJob;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import io.quarry.scheduler.core.SchedulerAction.RerunMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A new active Scheduler taking over jobs from the recorded state of the previous one. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JobRecoveryTest {
    private static final JobId JOB = new JobId("sim", 7);
    private final ManualClock clock = new ManualClock();
    private final SchedulerCore core = new SchedulerCore(SchedulerConfig.from(Configuration.of(Map.of(
            SchedulerConfigKeys.WORKER_EXPIRY.name(), "10s",
            "mapreduce.job.reduce.slowstart.completedmaps", "1.0"))), clock);

    @Test
    void recoveredMapsWhoseWorkerStillHoldsTheOutputAreNotRunAgain() {
        TaskAttemptId m0 = attempt(TaskType.MAP, 0, 0);
        TaskAttemptId m1 = attempt(TaskType.MAP, 1, 2);
        core.recoverJob(spec(3, 1), 1000, List.of(new RecoveredTask(m0, "w0"), new RecoveredTask(m1, "w1")));

        assertThat(core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 4, 1), Set.of(m0))).isEmpty();
        List<SchedulerAction> lost = core.registerWorker(new WorkerInfo("w1", "h1", "/r0", 4, 1), Set.of());

        assertThat(lost).singleElement().isInstanceOfSatisfying(RerunMap.class,
                rerun -> assertThat(rerun.lostAttempt()).isEqualTo(m1));
        List<LaunchAttempt> launched = launches(core.heartbeat(new Heartbeat("w0", List.of())));
        assertThat(launched).extracting(l -> l.attempt().taskId().index()).containsExactlyInAnyOrder(1, 2);
        assertThat(launched).allSatisfy(l -> assertThat(l.attempt().attempt()).as("numbered past the old actives' attempts")
                .isEqualTo(1000));
        assertThat(core.mapOutputs(JOB)).containsKey(0).doesNotContainKey(1);
        assertThat(core.runningJob(JOB).orElseThrow().jobCounters().counter(JobCounter.TOTAL_LAUNCHED_MAPS).value()).isEqualTo(2);
    }

    @Test
    void recoveredMapsOfAWorkerThatNeverRegistersAgainRunAgainAfterTheExpiry() {
        TaskAttemptId m0 = attempt(TaskType.MAP, 0, 0);
        core.recoverJob(spec(1, 1), 1000, List.of(new RecoveredTask(m0, "gone")));
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        assertThat(core.expireWorkers()).as("still within the expiry").isEmpty();

        clock.advance(Duration.ofSeconds(11));
        core.heartbeat(new Heartbeat("w0", List.of()));
        List<SchedulerAction> actions = core.expireWorkers();

        assertThat(actions).filteredOn(RerunMap.class::isInstance).singleElement()
                .satisfies(a -> assertThat(((RerunMap) a).lostAttempt()).isEqualTo(m0));
        assertThat(launches(core.heartbeat(new Heartbeat("w0", List.of())))).extracting(LaunchAttempt::attempt)
                .containsExactly(attempt(TaskType.MAP, 0, 1000));
    }

    @Test
    void succeededReducesStayDoneAndAJobWithEveryTaskDoneCommitsAtOnce() {
        TaskAttemptId m0 = attempt(TaskType.MAP, 0, 1);
        TaskAttemptId r0 = attempt(TaskType.REDUCE, 0, 0);

        List<SchedulerAction> actions = core.recoverJob(spec(1, 1), 2000, List.of(new RecoveredTask(m0, "w0"),
                new RecoveredTask(r0, "w0")));

        assertThat(actions).containsExactly(new CommitJob(JOB));
        assertThat(core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1), Set.of()))
                .as("no map output is needed once every reduce is done").isEmpty();
        JobStatus finished = core.jobCommitted(JOB, "").stream().filter(SchedulerAction.JobCompleted.class::isInstance)
                .map(a -> ((SchedulerAction.JobCompleted) a).status()).findFirst().orElseThrow();
        assertThat(finished.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aRecoveredReduceIsNotLaunchedAgainButTheOthersAre() {
        TaskAttemptId m0 = attempt(TaskType.MAP, 0, 0);
        core.recoverJob(spec(1, 2), 1000, List.of(new RecoveredTask(m0, "w0"), new RecoveredTask(attempt(TaskType.REDUCE, 1, 0), "w0")));
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 2), Set.of(m0));

        assertThat(launches(core.heartbeat(new Heartbeat("w0", List.of())))).extracting(LaunchAttempt::attempt)
                .containsExactly(attempt(TaskType.REDUCE, 0, 1000));
    }

    @Test
    void finishedJobsOfThePreviousActiveStayQueryable() {
        JobStatus done = new JobStatus(JOB, "old", "alice", JobState.SUCCEEDED, 1f, 1f, new JobStatus.TaskCounts(1, 1, 0, 0, 0),
                new JobStatus.TaskCounts(0, 0, 0, 0, 0), new Counters(), "", 1L, 2L);

        core.recoverFinished(done);

        assertThat(core.jobStatus(JOB)).contains(done);
        assertThatThrownBy(() -> core.recoverJob(spec(1, 0), 1000, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JOB.toString());
    }

    @Test
    void aRecordedAttemptOfAnUnknownTaskIsRefusedNamingIt() {
        TaskAttemptId stray = attempt(TaskType.MAP, 5, 0);
        assertThatThrownBy(() -> core.recoverJob(spec(1, 0), 1000, List.of(new RecoveredTask(stray, "w0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(stray.toString());
    }

    private static JobSpec spec(int maps, int reduces) {
        return new JobSpec(JOB, "alice", "recovered", TestSplit.on(maps, "h0"), reduces);
    }

    private static TaskAttemptId attempt(TaskType type, int task, int number) {
        return new TaskAttemptId(new TaskId(JOB, type, task), number);
    }

    private static List<LaunchAttempt> launches(List<SchedulerAction> actions) {
        return LocalityTest.launches(actions);
    }
}
