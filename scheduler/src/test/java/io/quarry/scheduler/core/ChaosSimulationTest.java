package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SimulatedCluster.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several jobs on a cluster where attempts fail at random, workers die and are replaced, and
 * reducers report fetch failures: every job must end, successful jobs must have every task done,
 * no reduce may commit twice, and the Scheduler's bookkeeping must match the workers' after every
 * step (the simulator checks that).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChaosSimulationTest {
    private static final SchedulerConfig CONFIG = SchedulerConfig.from(Configuration.empty()
            .with(SchedulerConfigKeys.WORKER_EXPIRY, "10s")
            .with(SchedulerConfigKeys.MAP_MAX_ATTEMPTS, "8")
            .with(SchedulerConfigKeys.REDUCE_MAX_ATTEMPTS, "8"));

    @Test
    void jobsEndAndBookkeepingHoldsUnderRandomFailuresDeathsAndFetchFailures() {
        long seed = Seeds.seed("jobsEndAndBookkeepingHoldsUnderRandomFailuresDeathsAndFetchFailures");
        SimulatedCluster cluster = SimulatedCluster.racks(CONFIG, seed, 2, 4, 2, 1);
        Random chaos = new Random(seed ^ 0x5eed);
        cluster.behave((attempt, worker, random) -> random.nextInt(10) == 0
                ? Outcome.failAfter(1_000 + random.nextInt(5_000), "injected failure of " + attempt)
                : Outcome.succeedAfter((attempt.type() == TaskType.MAP ? 3_000 : 8_000) + random.nextInt(8_000)));
        List<JobId> jobs = new ArrayList<>();
        for (int j = 1; j <= 4; j++) {
            JobId id = new JobId("chaos", j);
            jobs.add(id);
            cluster.submit(new JobSpec(id, "user" + j, "chaos " + j,
                    TestSplit.replicated(20 + chaos.nextInt(30), 3, cluster.hostsByRack(), cluster.random()), 1 + chaos.nextInt(4)));
        }
        int nextWorker = 8;
        int kills = 0;
        for (int step = 0; step < 3_000 && !jobs.stream().allMatch(cluster::isCompleted); step++) {
            cluster.step();
            if (kills < 4 && chaos.nextInt(15) == 0) {
                List<WorkerInfo> live = new ArrayList<>(cluster.core().workers().live());
                WorkerInfo victim = live.get(chaos.nextInt(live.size()));
                cluster.kill(victim.id());
                cluster.addWorker(new WorkerInfo("w" + nextWorker++, victim.host(), victim.rack(), 2, 1));
                kills++;
            }
            if (chaos.nextInt(25) == 0) {
                injectFetchFailure(cluster, jobs, chaos);
            }
        }
        int succeeded = 0;
        for (JobId id : jobs) {
            assertThat(cluster.isCompleted(id)).as("%s ended", id).isTrue();
            JobStatus status = cluster.core().jobStatus(id).orElseThrow();
            if (status.state() == JobState.SUCCEEDED) {
                succeeded++;
                assertThat(status.maps().succeeded()).isEqualTo(status.maps().total());
                assertThat(status.reduces().succeeded()).isEqualTo(status.reduces().total());
            } else {
                assertThat(status.state()).isEqualTo(JobState.FAILED);
                assertThat(status.failure()).contains("failed 8 times");
            }
            System.out.printf(Locale.ROOT, "%s %s: %d maps (%d data-local), %d failed and %d killed map attempts%n", id,
                    status.state(), status.maps().total(), status.counters().value(JobCounter.DATA_LOCAL_MAPS),
                    status.maps().failedAttempts(), status.maps().killedAttempts());
        }
        System.out.println(kills + " workers killed; " + succeeded + " of " + jobs.size() + " jobs succeeded");
        cluster.commits().forEach((task, attempts) -> {
            if (task.type() == TaskType.REDUCE) {
                assertThat(attempts).as("committed attempts of %s", task).hasSize(1);
            }
        });
    }

    @Test
    void aHundredWorkersScheduleSixThousandMapsQuickly() {
        long seed = Seeds.seed("aHundredWorkersScheduleSixThousandMapsQuickly");
        SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seed, 5, 20, 4, 2);
        JobId big = new JobId("scale", 1);
        JobId small = new JobId("scale", 2);
        cluster.submit(new JobSpec(big, "alice", "big", TestSplit.replicated(5_000, 3, cluster.hostsByRack(), cluster.random()), 50));
        cluster.submit(new JobSpec(small, "bob", "small", TestSplit.replicated(1_000, 3, cluster.hostsByRack(), cluster.random()), 10));
        long start = System.nanoTime();
        JobStatus status = cluster.awaitCompletion(big, 5_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(status.isSuccessful()).isTrue();
        assertThat(cluster.isCompleted(small)).isTrue();
        double local = status.counters().value(JobCounter.DATA_LOCAL_MAPS) / (double) status.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS);
        System.out.printf(Locale.ROOT, "6,000 maps on 100 workers scheduled in %d ms of real time; %.1f%% data-local%n", millis,
                local * 100);
    }

    private static void injectFetchFailure(SimulatedCluster cluster, List<JobId> jobs, Random chaos) {
        JobId id = jobs.get(chaos.nextInt(jobs.size()));
        var outputs = new ArrayList<>(cluster.core().mapOutputs(id).values());
        List<TaskAttemptId> reducers = cluster.core().runningJob(id).map(job -> job.tasks(TaskType.REDUCE).stream()
                .flatMap(t -> t.runningAttempts().stream()).map(TaskAttempt::id).toList()).orElse(List.of());
        if (outputs.isEmpty() || reducers.isEmpty()) {
            return;
        }
        MapOutputLocation victim = outputs.get(chaos.nextInt(outputs.size()));
        for (TaskAttemptId reducer : reducers) {
            cluster.execute(cluster.core().reportFetchFailure(new FetchFailureReport(reducer, victim.attempt(),
                    "injected: connection reset by " + victim.host())));
        }
    }
}
