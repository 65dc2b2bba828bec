package io.quarry.scheduler.worker;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.quarry.common.conf.ConfigKeyProvider;
import io.quarry.common.conf.Configuration;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.output.FileOutputCommitter;
import io.quarry.mapreduce.runtime.LocalMapOutputFetcher;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.scheduler.core.AttemptReport;
import io.quarry.scheduler.core.AttemptState;
import io.quarry.scheduler.shuffle.MapOutputRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class AttemptRunnerTest {
    private static int jobs;

    @TempDir
    Path tmp;

    private final ManualClock clock = new ManualClock();
    private final MapOutputRegistry registry = new MapOutputRegistry();
    private volatile boolean permitCommits = true;
    private Path localDir;
    private Path input;
    private Path outputDir;
    private AttemptRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        TestJobs.reset();
        localDir = tmp.resolve("local");
        outputDir = tmp.resolve("out");
        input = tmp.resolve("input.txt");
        Files.writeString(input, "a b a\nc a\n");
        runner = new AttemptRunner(clock, new JobLocalizer(localDir, getClass().getClassLoader()), registry,
                attempt -> permitCommits, 2);
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    @Test
    void aMapRegistersItsOutputAndAReduceWithPermissionCommitsTheCounts() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1);
        JobId job = newJob();
        TaskAttemptId map = attempt(job, TaskType.MAP, 0);

        AttemptReport mapReport = run(AttemptLaunch.map(map, conf, null, split()));

        assertThat(mapReport.state()).isEqualTo(AttemptState.SUCCEEDED);
        assertThat(mapReport.counters().value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(2);
        MapOutput output = registry.get(map);
        assertThat(output).isNotNull();
        assertThat(output.dataFile()).exists().startsWith(localDir.resolve(job.toString()));

        TaskAttemptId reduce = attempt(job, TaskType.REDUCE, 0);
        AttemptReport reduceReport = run(AttemptLaunch.reduce(reduce, conf, null, 1, new LocalMapOutputFetcher(List.of(output))));

        assertThat(reduceReport.state()).as(reduceReport.error()).isEqualTo(AttemptState.SUCCEEDED);
        Path committed = committedTaskDir(reduce).resolve("part-r-00000");
        assertThat(Files.readAllLines(committed)).containsExactly("a\t3", "b\t1", "c\t1");
        assertThat(localDir.resolve(job.toString()).resolve(reduce.toString())).doesNotExist();
    }

    @Test
    void aReduceDeniedTheCommitLeavesNoOutput() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1);
        JobId job = newJob();
        TaskAttemptId map = attempt(job, TaskType.MAP, 0);
        assertThat(run(AttemptLaunch.map(map, conf, null, split())).state()).isEqualTo(AttemptState.SUCCEEDED);
        permitCommits = false;

        TaskAttemptId reduce = attempt(job, TaskType.REDUCE, 0);
        AttemptReport report = run(AttemptLaunch.reduce(reduce, conf, null, 1,
                new LocalMapOutputFetcher(List.of(registry.get(map)))));

        assertThat(report.state()).isEqualTo(AttemptState.KILLED);
        assertThat(report.error()).contains("denied").contains(reduce.toString());
        assertThat(committedTaskDir(reduce)).doesNotExist();
        assertThat(outputDir.resolve(FileOutputCommitter.TEMPORARY).resolve(reduce.toString())).doesNotExist();
    }

    @Test
    void aKilledAttemptIsReportedKilledAndItsOutputAborted() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 0)
                .with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.BlockingMapper.class.getName());
        TaskAttemptId map = attempt(newJob(), TaskType.MAP, 0);
        runner.launch(AttemptLaunch.map(map, conf, null, split()));
        assertThat(TestJobs.blocked.await(10, TimeUnit.SECONDS)).as("the mapper blocked").isTrue();
        Path attemptOutput = outputDir.resolve(FileOutputCommitter.TEMPORARY).resolve(map.toString());
        assertThat(attemptOutput).as("the attempt's output before the kill").exists();

        assertThat(runner.kill(map, "its twin won")).isTrue();

        assertThat(runner.report(map).state()).isEqualTo(AttemptState.KILLED);
        runner.whenDone(map).get(10, TimeUnit.SECONDS);
        assertThat(runner.report(map).error()).contains("its twin won");
        assertThat(attemptOutput).doesNotExist();
        assertThat(runner.kill(map, "again")).isFalse();
    }

    @Test
    void anAttemptSilentForTheTaskTimeoutFailsWithTheTimeout() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1)
                .with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.BlockingMapper.class.getName())
                .with(WorkerConfigKeys.TASK_TIMEOUT, "5s");
        JobId job = newJob();
        TaskAttemptId map = attempt(job, TaskType.MAP, 0);
        runner.launch(AttemptLaunch.map(map, conf, null, split()));
        assertThat(TestJobs.blocked.await(10, TimeUnit.SECONDS)).as("the mapper blocked").isTrue();

        assertThat(runner.checkTimeouts()).isEmpty();
        clock.advance(Duration.ofMillis(4999));
        assertThat(runner.checkTimeouts()).isEmpty();
        assertThat(runner.report(map).state()).isEqualTo(AttemptState.RUNNING);
        clock.advance(Duration.ofMillis(1));
        assertThat(runner.checkTimeouts()).containsExactly(map);

        runner.whenDone(map).get(10, TimeUnit.SECONDS);
        AttemptReport report = runner.report(map);
        assertThat(report.state()).isEqualTo(AttemptState.FAILED);
        assertThat(report.error()).contains(map.toString()).contains("timed out after 5000 ms");
        assertThat(registry.get(map)).isNull();
        assertThat(localDir.resolve(job.toString()).resolve(map.toString())).doesNotExist();
    }

    @Test
    void signsOfLifeRestartTheTimeoutAndZeroDisablesIt() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1)
                .with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.SteppingMapper.class.getName())
                .with(WorkerConfigKeys.TASK_TIMEOUT, "5s");
        JobId job = newJob();
        TaskAttemptId watched = attempt(job, TaskType.MAP, 0);
        TaskAttemptId unwatched = attempt(job, TaskType.MAP, 1);
        runner.launch(AttemptLaunch.map(watched, conf, null, split()));
        runner.launch(AttemptLaunch.map(unwatched, conf.with(WorkerConfigKeys.TASK_TIMEOUT, "0")
                .with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.BlockingMapper.class.getName()), null, split()));
        TestJobs.steps.release();
        assertThat(TestJobs.stepped.tryAcquire(10, TimeUnit.SECONDS)).as("the stepping mapper started").isTrue();
        assertThat(TestJobs.blocked.await(10, TimeUnit.SECONDS)).as("the silent mapper blocked").isTrue();
        assertThat(runner.checkTimeouts()).isEmpty();

        clock.advance(Duration.ofSeconds(4));
        TestJobs.steps.release();
        assertThat(TestJobs.stepped.tryAcquire(10, TimeUnit.SECONDS)).as("the stepping mapper stepped").isTrue();
        assertThat(runner.checkTimeouts()).as("a sign of life 4 s into the timeout").isEmpty();
        clock.advance(Duration.ofSeconds(4));
        assertThat(runner.checkTimeouts()).as("4 s after the last sign of life").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.checkTimeouts()).containsExactly(watched);
        clock.advance(Duration.ofHours(1));
        assertThat(runner.checkTimeouts()).isEmpty();
        assertThat(runner.report(unwatched).state()).isEqualTo(AttemptState.RUNNING);
    }

    @Test
    void aMapOnlyAttemptCommitsWithPermission() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 0);
        TaskAttemptId map = attempt(newJob(), TaskType.MAP, 0);

        AttemptReport report = run(AttemptLaunch.map(map, conf, null, split()));

        assertThat(report.state()).as(report.error()).isEqualTo(AttemptState.SUCCEEDED);
        assertThat(Files.readAllLines(committedTaskDir(map).resolve("part-m-00000"))).containsExactly(
                "a\t1", "b\t1", "a\t1", "c\t1", "a\t1");
        assertThat(registry.size()).as("a map-only attempt has nothing to shuffle").isZero();
    }

    @Test
    void aJarThatCannotBeCopiedFailsTheAttemptAndTheNextAttemptTriesAgain() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1);
        JobId job = newJob();
        Path jar = tmp.resolve("late.jar");

        AttemptReport failed = run(AttemptLaunch.map(attempt(job, TaskType.MAP, 0), conf, fileUri(jar), split()));
        jarWithMarker(jar);
        AttemptReport retried = run(AttemptLaunch.map(attempt(job, TaskType.MAP, 1), conf, fileUri(jar), split()));

        assertThat(failed.state()).isEqualTo(AttemptState.FAILED);
        assertThat(failed.error()).contains(fileUri(jar));
        assertThat(retried.state()).as(retried.error()).isEqualTo(AttemptState.SUCCEEDED);
    }

    @Test
    void aStackOverflowFailsOnlyItsAttemptAndTheNextAttemptRuns() throws Exception {
        AttemptRunner oneThread = new AttemptRunner(clock, new JobLocalizer(localDir, getClass().getClassLoader()), registry,
                attempt -> true, 1);
        try (oneThread) {
            JobId job = newJob();
            Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1);
            TaskAttemptId overflowing = attempt(job, TaskType.MAP, 0);
            TaskAttemptId next = attempt(job, TaskType.MAP, 1);

            oneThread.launch(AttemptLaunch.map(overflowing, conf.with(MapReduceConfigKeys.MAPPER_CLASS,
                    TestJobs.RecursingMapper.class.getName()), null, split()));
            oneThread.launch(AttemptLaunch.map(next, conf, null, split()));
            oneThread.whenDone(overflowing).get(10, TimeUnit.SECONDS);
            oneThread.whenDone(next).get(10, TimeUnit.SECONDS);

            AttemptReport failed = oneThread.report(overflowing);
            assertThat(failed.state()).isEqualTo(AttemptState.FAILED);
            assertThat(failed.error()).contains("StackOverflowError");
            assertThat(oneThread.report(next).state()).isEqualTo(AttemptState.SUCCEEDED);
        }
    }

    @Test
    void aMissingMapperClassFailsTheAttemptNamingTheClass() throws Exception {
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1)
                .with(MapReduceConfigKeys.MAPPER_CLASS, "com.example.NotInTheJar");

        AttemptReport report = run(AttemptLaunch.map(attempt(newJob(), TaskType.MAP, 0), conf, null, split()));

        assertThat(report.state()).isEqualTo(AttemptState.FAILED);
        assertThat(report.error()).contains("com.example.NotInTheJar");
    }

    @Test
    void attemptsRunWithTheJobsLoaderOverALocalCopyOfTheJar() throws Exception {
        Path jar = jarWithMarker(tmp.resolve("job.jar"));
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1)
                .with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.LoaderProbeMapper.class.getName());
        JobId job = newJob();

        AttemptReport first = run(AttemptLaunch.map(attempt(job, TaskType.MAP, 0), conf, fileUri(jar), split()));
        ClassLoader firstLoader = TestJobs.probedLoader.get();
        run(AttemptLaunch.map(attempt(job, TaskType.MAP, 1), conf, fileUri(jar), split()));

        assertThat(first.state()).as(first.error()).isEqualTo(AttemptState.SUCCEEDED);
        Path localJar = localDir.resolve(job.toString()).resolve(JobLocalizer.JAR_NAME);
        assertThat(localJar).hasSameBinaryContentAs(jar);
        assertThat(firstLoader).isInstanceOf(URLClassLoader.class);
        URLClassLoader loader = (URLClassLoader) firstLoader;
        assertThat(loader.getURLs()).containsExactly(localJar.toUri().toURL());
        assertThat(loader.getParent()).isSameAs(getClass().getClassLoader());
        assertThat(TestJobs.probedLoader.get()).as("the job is localized once").isSameAs(loader);
        URL marker = loader.getResource("marker.txt");
        assertThat(marker).as("a resource only the jar has").isNotNull();
        assertThat(loader.loadClass("io.quarry.scheduler.worker.JarredClass").getClassLoader()).isSameAs(loader);
    }

    @Test
    void aFinishedJobLosesItsMapOutputsFilesAndLoader() throws Exception {
        Path jar = jarWithMarker(tmp.resolve("job.jar"));
        Configuration conf = TestJobs.wordCount(fileUri(outputDir), 1)
                .with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.LoaderProbeMapper.class.getName());
        JobId job = newJob();
        JobId other = newJob();
        TaskAttemptId map = attempt(job, TaskType.MAP, 0);
        TaskAttemptId otherMap = attempt(other, TaskType.MAP, 0);
        assertThat(run(AttemptLaunch.map(map, conf, fileUri(jar), split())).state()).isEqualTo(AttemptState.SUCCEEDED);
        URLClassLoader loader = (URLClassLoader) TestJobs.probedLoader.get();
        assertThat(run(AttemptLaunch.map(otherMap, conf, null, split())).state()).isEqualTo(AttemptState.SUCCEEDED);
        MapOutput output = registry.get(map);

        runner.jobFinished(job);

        assertThat(registry.get(map)).isNull();
        assertThat(output.dataFile()).doesNotExist();
        assertThat(localDir.resolve(job.toString())).doesNotExist();
        assertThat(loader.getResource("marker.txt")).as("the closed loader no longer reads the jar").isNull();
        assertThat(registry.get(otherMap)).as("another job's output").isNotNull();
        assertThat(registry.get(otherMap).dataFile()).exists();
    }

    @Test
    void theTaskTimeoutIsAConfigKeyWithHadoopsDefault() {
        assertThat(Configuration.empty().getDuration(WorkerConfigKeys.TASK_TIMEOUT)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Configuration.empty().with(WorkerConfigKeys.TASK_TIMEOUT, "600000").getDuration(WorkerConfigKeys.TASK_TIMEOUT))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(ServiceLoader.load(ConfigKeyProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(WorkerConfigKeys.class);
    }

    /** Launches the attempt, waits until its thread is done, and returns its final report (also drained from the heartbeat). */
    private AttemptReport run(AttemptLaunch launch) throws Exception {
        runner.launch(launch);
        runner.whenDone(launch.attempt()).get(20, TimeUnit.SECONDS);
        AttemptReport report = runner.report(launch.attempt());
        assertThat(runner.heartbeatReports()).contains(report);
        assertThat(runner.report(launch.attempt())).as("a finished attempt is reported once").isNull();
        return report;
    }

    private FileSplit split() throws Exception {
        return new FileSplit(new io.quarry.dfs.Path(fileUri(input)), 0, Files.size(input), List.of());
    }

    private Path committedTaskDir(TaskAttemptId attempt) {
        return outputDir.resolve(FileOutputCommitter.TEMPORARY).resolve(attempt.taskId().toString());
    }

    private static synchronized JobId newJob() {
        return new JobId("workertest", ++jobs);
    }

    private static TaskAttemptId attempt(JobId job, TaskType type, int index) {
        return new TaskAttemptId(new TaskId(job, type, index), 0);
    }

    private static String fileUri(Path path) {
        return "file://" + path.toAbsolutePath();
    }

    /** A jar holding a marker resource and a class the test's own class path does not have. */
    private static Path jarWithMarker(Path jar) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("marker.txt"));
            out.write("from the job jar".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("io/quarry/scheduler/worker/JarredClass.class"));
            out.write(JarredClassBytes.generate());
            out.closeEntry();
        }
        return jar;
    }
}
