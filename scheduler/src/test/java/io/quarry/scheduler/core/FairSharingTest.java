package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FairSharingTest {

    @Test
    void twoJobsSubmittedTogetherSplitTheSlotsEvenlyAndBothFinish() {
        long seed = Seeds.seed("twoJobsSubmittedTogetherSplitTheSlotsEvenlyAndBothFinish");
        SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seed, 2, 4, 2, 1);
        JobId first = new JobId("sim", 1);
        JobId second = new JobId("sim", 2);
        cluster.submit(new JobSpec(first, "alice", "first", TestSplit.replicated(48, 3, cluster.hostsByRack(), cluster.random()), 2));
        cluster.submit(new JobSpec(second, "bob", "second", TestSplit.replicated(48, 3, cluster.hostsByRack(), cluster.random()), 2));
        cluster.step();
        int a = running(cluster, first);
        int b = running(cluster, second);
        System.out.println("after the first heartbeat round: " + a + " and " + b + " maps running of 16 slots");
        assertThat(a + b).isEqualTo(16);
        assertThat(Math.abs(a - b)).as("difference between the jobs' running maps").isLessThanOrEqualTo(2);
        JobStatus firstDone = cluster.awaitCompletion(first, 1_000);
        JobStatus secondDone = cluster.awaitCompletion(second, 1_000);
        assertThat(firstDone.isSuccessful()).isTrue();
        assertThat(secondDone.isSuccessful()).isTrue();
    }

    @Test
    void aJobSubmittedWhileAnotherFillsTheClusterGetsItsShareAsSlotsFree() {
        long seed = Seeds.seed("aJobSubmittedWhileAnotherFillsTheClusterGetsItsShareAsSlotsFree");
        SimulatedCluster cluster = SimulatedCluster.racks(SchedulerConfig.defaults(), seed, 2, 4, 2, 1);
        JobId big = new JobId("sim", 1);
        JobId late = new JobId("sim", 2);
        cluster.submit(new JobSpec(big, "alice", "big", TestSplit.replicated(200, 3, cluster.hostsByRack(), cluster.random()), 1));
        cluster.step();
        assertThat(running(cluster, big)).isEqualTo(16);
        cluster.submit(new JobSpec(late, "bob", "late", TestSplit.replicated(40, 3, cluster.hostsByRack(), cluster.random()), 1));
        cluster.runUntil("the late job holding half the map slots", 30, () -> running(cluster, late) >= 7);
        assertThat(cluster.awaitCompletion(late, 1_000).isSuccessful()).isTrue();
        assertThat(cluster.isCompleted(big)).as("the late, smaller job finished before the big one").isFalse();
        assertThat(cluster.awaitCompletion(big, 1_000).isSuccessful()).isTrue();
    }

    private static int running(SimulatedCluster cluster, JobId id) {
        return cluster.core().runningJob(id).map(job -> job.running(TaskType.MAP)).orElse(0);
    }
}
