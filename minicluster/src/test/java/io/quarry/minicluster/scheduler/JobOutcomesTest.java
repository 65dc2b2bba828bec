package io.quarry.minicluster.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.RunningJob;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.minicluster.MiniQuarryCluster;

/**
 * How jobs end on a 4-node cluster: a task that always fails fails its job after the retries with
 * the task's error; a straggler gets a speculative backup and its output is still committed
 * exactly once; a second job runs to completion while the first is still running.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobOutcomesTest {
    private static final String FAILURE_TEXT = "deliberate failure: record 0 of this split is unreadable";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static java.nio.file.Path baseDir;
    private MiniQuarryCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = MiniQuarryCluster.builder(baseDir).numNodes(4).slots(2, 1)
                .set("dfs.blocksize", "64k").set("dfs.replication", "2")
                .set("quarry.scheduler.speculation.min-runtime", "100ms")
                .build();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Writes {@code files} small text files under {@code dir}: one map each. */
    private Path writeFiles(String dir, String seedName, int files) throws IOException {
        Random random = new Random(Seeds.seed(seedName));
        for (int i = 0; i < files; i++) {
            JobFiles.writeWords(cluster.fileSystem(), new Path(dir + "/f" + i + ".txt"), random, 20_000);
        }
        return new Path(dir);
    }

    public static final class AlwaysFailingMapper extends Mapper<LongValue, Text, Text, LongValue> {
        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) {
            throw new IllegalStateException(FAILURE_TEXT);
        }
    }

    @Test
    void aTaskThatAlwaysFailsFailsTheJobAfterItsRetriesWithTheTasksError() throws Exception {
        Path input = writeFiles("/failing/in", "aTaskThatAlwaysFailsFailsTheJobAfterItsRetriesWithTheTasksError", 1);
        Job job = GatedWordCount.create(cluster.jobConf(), input, new Path("/failing/out"), 1, null, null);
        job.setMapperClass(AlwaysFailingMapper.class);
        job.set("mapreduce.map.maxattempts", "3");

        assertThat(job.waitForCompletion(false)).isFalse();

        String failure = job.status().failure();
        System.out.println("Failure message: " + failure);
        assertThat(failure).contains(FAILURE_TEXT);
        assertThat(job.counters().value(JobCounter.NUM_FAILED_MAPS)).as("failed map attempts").isEqualTo(3);
        assertThat(cluster.fileSystem().exists(new Path("/failing/out/_SUCCESS"))).isFalse();
    }

    /** Backups started, by "job/task" of the first attempt waiting for them. */
    private static final Map<String, CountDownLatch> BACKUPS = new ConcurrentHashMap<>();

    /**
     * Copies its lines to the output. The first attempt of task 0 of a job that asks for it waits,
     * in the middle of its split, until a second attempt of the same task has started; then both
     * run to the end, racing to commit.
     */
    public static final class StragglerMapper extends Mapper<LongValue, Text, LongValue, Text> {
        @Override
        public void setup(TaskContext<LongValue, Text> context) throws InterruptedException {
            TaskAttemptId attempt = context.taskAttemptId();
            if (context.configuration().get("test.straggler") == null || attempt.taskId().index() != 0) {
                return;
            }
            CountDownLatch backup = BACKUPS.computeIfAbsent(attempt.jobId() + "/" + attempt.taskId(), key -> new CountDownLatch(1));
            if (attempt.attempt() == 0) {
                if (!backup.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("no backup of " + attempt.taskId() + " started within " + WAIT);
                }
            } else {
                backup.countDown();
            }
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<LongValue, Text> context) throws IOException, InterruptedException {
            context.write(offset, line);
        }
    }

    private Job copyJob(Path input, Path output, boolean straggler) {
        Job job = Job.create(cluster.jobConf(), straggler ? "straggler" : "copy");
        job.setMapperClass(StragglerMapper.class);
        job.setOutputKeyClass(LongValue.class);
        job.setOutputValueClass(Text.class);
        job.setNumReduceTasks(0);
        job.addInputPath(input);
        job.setOutputPath(output);
        if (straggler) {
            job.set("test.straggler", "true");
        }
        return job;
    }

    @Test
    void aStragglerGetsASpeculativeBackupAndItsOutputIsCommittedExactlyOnce() throws Exception {
        FileSystem fs = cluster.fileSystem();
        Path input = writeFiles("/straggler/in", "aStragglerGetsASpeculativeBackupAndItsOutputIsCommittedExactlyOnce", 4);
        Job reference = copyJob(input, new Path("/straggler/reference"), false);
        assertThat(reference.waitForCompletion(false)).as(reference.status().failure()).isTrue();

        Job job = copyJob(input, new Path("/straggler/out"), true);
        assertThat(job.waitForCompletion(false)).as(job.status().failure()).isTrue();

        assertThat(job.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS)).as("4 maps and one backup").isEqualTo(5);
        assertThat(job.counters().value(JobCounter.NUM_FAILED_MAPS)).as("the second attempt was a backup, not a retry").isZero();
        Map<String, byte[]> expected = JobFiles.parts(fs, new Path("/straggler/reference"));
        Map<String, byte[]> actual = JobFiles.parts(fs, new Path("/straggler/out"));
        assertThat(actual.keySet()).containsExactly("part-m-00000", "part-m-00001", "part-m-00002", "part-m-00003");
        for (String part : expected.keySet()) {
            assertThat(actual.get(part)).as(part).isEqualTo(expected.get(part));
        }
        assertThat(JobFiles.names(fs, new Path("/straggler/out")))
                .containsExactly("_SUCCESS", "part-m-00000", "part-m-00001", "part-m-00002", "part-m-00003");
    }

    @Test
    void aSecondJobRunsToTheEndWhileTheFirstIsStillRunning() throws Exception {
        FileSystem fs = cluster.fileSystem();
        Path input = writeFiles("/concurrent/in", "aSecondJobRunsToTheEndWhileTheFirstIsStillRunning", 4);
        try (Gates.Gate gate = Gates.create()) {
            Job first = GatedWordCount.create(cluster.jobConf(), input, new Path("/concurrent/first"), 1, gate, "map");
            RunningJob running = first.submit();
            gate.awaitArrivals(4, WAIT);

            Job second = GatedWordCount.create(cluster.jobConf(), input, new Path("/concurrent/second"), 2, null, null);
            assertThat(second.waitForCompletion(false)).as(second.status().failure()).isTrue();
            assertThat(running.status().state().isFinished()).as("the first job still waits at its gate").isFalse();

            gate.open();
            assertThat(first.waitForCompletion(false)).as(first.status().failure()).isTrue();
        }
        String firstCounts = sorted(JobFiles.text(fs, new Path("/concurrent/first")));
        assertThat(firstCounts).isNotEmpty().isEqualTo(sorted(JobFiles.text(fs, new Path("/concurrent/second"))));
    }

    private static String sorted(String lines) {
        return String.join("\n", lines.lines().sorted().toList());
    }
}
