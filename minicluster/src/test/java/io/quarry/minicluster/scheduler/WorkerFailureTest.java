package io.quarry.minicluster.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.RunningJob;
import io.quarry.minicluster.MiniQuarryCluster;

/**
 * A Worker that crashes in the middle of the map phase, or of the reduce phase, costs time but
 * not correctness: the job succeeds with exactly the output of a fault-free run. Every map slot
 * (reduce slot) holds an attempt at a gate when the Worker dies, so the dead Worker certainly had
 * attempts running; in the reduce phase its re-run reducer must also fetch the outputs of any maps
 * the dead Worker had finished, which are gone with it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkerFailureTest {
    private static final int NODES = 4;
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    java.nio.file.Path baseDir;

    private MiniQuarryCluster startCluster(int mapSlots, int reduceSlots) throws Exception {
        return MiniQuarryCluster.builder(baseDir).numNodes(NODES).slots(mapSlots, reduceSlots)
                .set("dfs.blocksize", "64k").set("dfs.replication", "2")
                .set("quarry.scheduler.worker.expiry", "1s")
                .set("quarry.scheduler.worker.expiry-check-interval", "100ms")
                .build();
    }

    /** Input of exactly {@code blocks} blocks of 64 KiB, so the job has that many maps. */
    private static Path writeInput(FileSystem fs, String seedName, int blocks) throws Exception {
        Path input = new Path("/faults/in.txt");
        JobFiles.writeWords(fs, input, new Random(Seeds.seed(seedName)), blocks * 64 * 1024 - 200);
        assertThat(fs.getFileBlockLocations(input, 0, Long.MAX_VALUE)).hasSize(blocks);
        return input;
    }

    @Test
    void jobSurvivesAWorkerCrashInTheMiddleOfTheMapPhase() throws Exception {
        try (MiniQuarryCluster cluster = startCluster(2, 1)) {
            FileSystem fs = cluster.fileSystem();
            int maps = NODES * 2;
            Path input = writeInput(fs, "jobSurvivesAWorkerCrashInTheMiddleOfTheMapPhase", maps);
            Job reference = GatedWordCount.create(cluster.jobConf(), input, new Path("/faults/reference"), 3, null, null);
            assertThat(reference.waitForCompletion(false)).as(reference.status().failure()).isTrue();

            try (Gates.Gate gate = Gates.create()) {
                Job job = GatedWordCount.create(cluster.jobConf(), input, new Path("/faults/out"), 3, gate, "map");
                RunningJob running = job.submit();
                Set<String> waiting = gate.awaitArrivals(maps, ARRIVAL_TIMEOUT);
                System.out.println("Every map slot holds an attempt at the gate: " + waiting + "; crashing Worker 1");
                cluster.killWorker(1);
                gate.open();
                assertThat(job.waitForCompletion(false)).as(job.status().failure()).isTrue();
                assertThat(running.status().isSuccessful()).isTrue();
                assertThat(job.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS)).as("maps re-run after the crash")
                        .isGreaterThanOrEqualTo(maps + 2);
            }
            assertSameOutput(fs, new Path("/faults/reference"), new Path("/faults/out"));
        }
    }

    @Test
    void jobSurvivesAWorkerCrashInTheMiddleOfTheReducePhase() throws Exception {
        try (MiniQuarryCluster cluster = startCluster(2, 1)) {
            FileSystem fs = cluster.fileSystem();
            int maps = NODES * 2;
            int reduces = NODES;
            Path input = writeInput(fs, "jobSurvivesAWorkerCrashInTheMiddleOfTheReducePhase", maps);
            Job reference = GatedWordCount.create(cluster.jobConf(), input, new Path("/faults/reference"), reduces, null, null);
            assertThat(reference.waitForCompletion(false)).as(reference.status().failure()).isTrue();

            try (Gates.Gate gate = Gates.create()) {
                Job job = GatedWordCount.create(cluster.jobConf(), input, new Path("/faults/out"), reduces, gate, "reduce");
                job.submit();
                Set<String> waiting = gate.awaitArrivals(reduces, ARRIVAL_TIMEOUT);
                System.out.println("Every reduce slot holds a shuffled reducer at the gate: " + waiting + "; crashing Worker 2");
                cluster.killWorker(2);
                gate.open();
                assertThat(job.waitForCompletion(false)).as(job.status().failure()).isTrue();
                assertThat(job.counters().value(JobCounter.TOTAL_LAUNCHED_REDUCES)).as("the lost reducer re-ran")
                        .isGreaterThanOrEqualTo(reduces + 1);
            }
            assertSameOutput(fs, new Path("/faults/reference"), new Path("/faults/out"));
        }
    }

    private static void assertSameOutput(FileSystem fs, Path reference, Path actual) throws Exception {
        Map<String, byte[]> expected = JobFiles.parts(fs, reference);
        Map<String, byte[]> parts = JobFiles.parts(fs, actual);
        assertThat(parts.keySet()).isEqualTo(expected.keySet());
        for (String part : expected.keySet()) {
            assertThat(parts.get(part)).as(part).isEqualTo(expected.get(part));
        }
        assertThat(JobFiles.names(fs, actual)).contains("_SUCCESS").doesNotContain("_temporary");
    }
}
