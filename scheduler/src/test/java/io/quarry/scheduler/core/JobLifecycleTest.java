package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.scheduler.core.SchedulerAction.CommitJob;
import io.quarry.scheduler.core.SchedulerAction.TaskSucceeded;
import io.quarry.scheduler.core.SchedulerAction.JobCompleted;
import io.quarry.scheduler.core.SchedulerAction.KillAttempt;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import io.quarry.scheduler.core.SchedulerAction.ReregisterWorker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JobLifecycleTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void killingAJobKillsItsAttemptsAndKeepsItsStatusInTheHistory() {
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults(), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 2, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "doomed", TestSplit.on(4, "h0"), 1));
        List<LaunchAttempt> launched = LocalityTest.launches(core.heartbeat(new Heartbeat("w0", List.of())));
        assertThat(launched).hasSize(2);

        List<SchedulerAction> actions = core.killJob(id, "killed by alice");
        assertThat(actions).filteredOn(KillAttempt.class::isInstance).map(a -> ((KillAttempt) a).attempt())
                .containsExactlyInAnyOrderElementsOf(launched.stream().map(LaunchAttempt::attempt).toList());
        assertThat(actions).filteredOn(JobCompleted.class::isInstance).singleElement()
                .satisfies(a -> assertThat(((JobCompleted) a).status().state()).isEqualTo(JobState.KILLED));
        JobStatus status = core.jobStatus(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.KILLED);
        assertThat(status.failure()).isEqualTo("killed by alice");
        assertThat(core.workers().freeSlots("w0", io.quarry.mapreduce.TaskType.MAP)).isEqualTo(2);

        List<SchedulerAction> again = core.heartbeat(new Heartbeat("w0", List.of(AttemptReport.running(launched.get(0).attempt(), 0.5f))));
        assertThat(again).as("a worker that missed the kill is told again")
                .contains(new KillAttempt(launched.get(0).attempt(), "w0", "unknown to the scheduler"));
        assertThat(core.killJob(id, "twice")).isEmpty();
        assertThatThrownBy(() -> core.killJob(new JobId("sim", 9), "no such job")).hasMessageContaining("job_sim_0009");
    }

    @Test
    void aSucceededJobsStatusCarriesItsTasksCountersAndLocality() {
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults(), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "tiny", TestSplit.on(1, "h0"), 1));
        TaskAttemptId map = LocalityTest.launches(core.heartbeat(new Heartbeat("w0", List.of()))).get(0).attempt();
        clock.advance(Duration.ofSeconds(2));
        Counters counters = new Counters();
        counters.counter(TaskCounter.MAP_INPUT_RECORDS).increment(42);
        TaskAttemptId reduce = LocalityTest.launches(core.heartbeat(new Heartbeat("w0", List.of(AttemptReport.succeeded(map, counters)))))
                .get(0).attempt();
        assertThat(core.mapOutputs(id)).containsEntry(0, new MapOutputLocation(map, "w0", "h0"));
        clock.advance(Duration.ofSeconds(3));
        List<SchedulerAction> lastTask = core.heartbeat(new Heartbeat("w0", List.of(AttemptReport.succeeded(reduce, null))));
        assertThat(lastTask).as("the output is committed before the job counts as succeeded")
                .containsExactly(new TaskSucceeded(reduce, "w0"), new CommitJob(id));
        assertThat(core.jobStatus(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        List<SchedulerAction> actions = core.jobCommitted(id, "");
        JobStatus status = actions.stream().filter(JobCompleted.class::isInstance).map(a -> ((JobCompleted) a).status())
                .findFirst().orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.counters().value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(42);
        assertThat(status.counters().value(io.quarry.mapreduce.JobCounter.DATA_LOCAL_MAPS)).isEqualTo(1);
        assertThat(status.counters().value(io.quarry.mapreduce.JobCounter.MILLIS_MAPS)).isEqualTo(2_000);
        assertThat(status.counters().value(io.quarry.mapreduce.JobCounter.MILLIS_REDUCES)).isEqualTo(3_000);
        assertThat(status.maps().succeeded()).isEqualTo(1);
        assertThat(status.mapProgress()).isEqualTo(1f);
        assertThat(status.reduceProgress()).isEqualTo(1f);
        assertThat(status.finishTimeMillis()).isEqualTo(clock.currentTimeMillis());
        assertThat(core.jobStatus(id)).contains(status);
    }

    @Test
    void aJobWhoseCommitFailsFailsWithTheReasonAndCannotBeKilledWhileCommitting() {
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults(), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "map only", TestSplit.on(1, "h0"), 0));
        TaskAttemptId map = LocalityTest.launches(core.heartbeat(new Heartbeat("w0", List.of()))).get(0).attempt();
        assertThat(core.heartbeat(new Heartbeat("w0", List.of(AttemptReport.succeeded(map, null)))))
                .containsExactly(new TaskSucceeded(map, "w0"), new CommitJob(id));

        assertThat(core.killJob(id, "too late")).as("a committing job finishes its commit").isEmpty();
        assertThat(core.jobStatus(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        List<SchedulerAction> actions = core.jobCommitted(id, "Permission denied: /out");
        assertThat(actions).filteredOn(JobCompleted.class::isInstance).singleElement().satisfies(a -> {
            JobStatus status = ((JobCompleted) a).status();
            assertThat(status.state()).isEqualTo(JobState.FAILED);
            assertThat(status.failure()).isEqualTo("Job commit failed: Permission denied: /out");
        });
        assertThat(core.jobCommitted(id, "")).as("a second outcome changes nothing").isEmpty();
        assertThat(core.jobStatus(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void theHistoryKeepsTheMostRecentFinishedJobs() {
        SchedulerCore core = new SchedulerCore(SchedulerConfig.from(Configuration.empty()
                .with(SchedulerConfigKeys.HISTORY_RETAINED_JOBS, "2")), clock);
        for (int i = 1; i <= 3; i++) {
            JobId id = new JobId("sim", i);
            assertThat(core.submitJob(new JobSpec(id, "alice", "empty " + i, List.of(), 0))).containsExactly(new CommitJob(id));
            core.jobCommitted(id, "");
        }
        assertThat(core.jobStatuses()).extracting(JobStatus::id).containsExactly(new JobId("sim", 2), new JobId("sim", 3));
        assertThat(core.jobStatus(new JobId("sim", 1))).isEmpty();
        assertThatThrownBy(() -> core.submitJob(new JobSpec(new JobId("sim", 3), "alice", "again", List.of(), 0)))
                .hasMessageContaining("job_sim_0003 was already submitted");
    }

    @Test
    void aWorkerUnknownToTheSchedulerIsToldToRegisterAndASilentOneIsDeclaredDead() {
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults(), clock);
        assertThat(core.heartbeat(new Heartbeat("w9", List.of()))).containsExactly(new ReregisterWorker("w9"));
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        clock.advance(Duration.ofSeconds(30));
        assertThat(core.expireWorkers()).isEmpty();
        assertThat(core.workers().isLive("w0")).isTrue();
        clock.advance(Duration.ofMillis(1));
        core.expireWorkers();
        assertThat(core.workers().isLive("w0")).isFalse();
        assertThat(core.heartbeat(new Heartbeat("w0", List.of()))).containsExactly(new ReregisterWorker("w0"));
    }

    @Test
    void aWorkerThatRegistersAgainLosesItsAttemptsWhichRunAgainWithoutCountingAsFailures() {
        SchedulerCore core = new SchedulerCore(SchedulerConfig.defaults().withLocalityDelays(0, 0), clock);
        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        JobId id = new JobId("sim", 1);
        core.submitJob(new JobSpec(id, "alice", "restart", TestSplit.on(1, "h0"), 0));
        TaskAttemptId first = LocalityTest.launches(core.heartbeat(new Heartbeat("w0", List.of()))).get(0).attempt();

        core.registerWorker(new WorkerInfo("w0", "h0", "/r0", 1, 1));
        List<LaunchAttempt> again = LocalityTest.launches(core.heartbeat(new Heartbeat("w0", List.of())));
        assertThat(again).singleElement().satisfies(l -> {
            assertThat(l.attempt().taskId()).isEqualTo(first.taskId());
            assertThat(l.attempt().attempt()).isEqualTo(1);
        });
        JobStatus status = core.jobStatus(id).orElseThrow();
        assertThat(status.maps().killedAttempts()).isEqualTo(1);
        assertThat(status.maps().failedAttempts()).isZero();
    }
}
