package io.quarry.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.Await;
import io.quarry.common.time.ManualClock;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.RunningJob;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.scheduler.protocol.LaunchInstruction;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerServer;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submission to a real Scheduler over its port, with no real workers: the default filesystem is
 * the local one under a temporary directory, and a {@link FakeWorker} stands in where a job has to
 * move.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterJobRunnerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    java.nio.file.Path dir;

    private SchedulerServer server;
    private SchedulerClient client;
    private Configuration conf;

    @BeforeEach
    void start() throws IOException {
        Configuration serverConf = Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0")
                .with(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL, "0");
        server = SchedulerServer.start(serverConf, new ManualClock(1_700_000_000_000L));
        client = new SchedulerClient(server.address(), serverConf);
        conf = Configuration.empty()
                .with(MapReduceConfigKeys.FRAMEWORK_NAME, ClusterJobRunner.FRAMEWORK)
                .with(SchedulerServiceConfigKeys.ADDRESS, server.address().toString())
                .with(DfsConfigKeys.DEFAULT_FS, "file:///")
                .with(ClusterClientConfigKeys.STAGING_ROOT, uri(dir.resolve("staging")))
                .with(CommonConfigKeys.USER_NAME, "alice");
        Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve("in").resolve("part-" + i), "line " + i + "\nmore\n", StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void submissionStagesJarAndConfigurationAndTheSchedulerRunsTheJobWithTheSplitsHosts() throws Exception {
        java.nio.file.Path jar = jar("job-classes.jar");
        RunningJob job = job(jar).submit();

        assertThat(client.listJobs()).extracting(WireJobStatus::jobId, WireJobStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(job.id().toString(), "RUNNING"));
        java.nio.file.Path staged = onlyStagingDir();
        assertThat(staged.getParent().getFileName().toString()).isEqualTo("alice");
        assertThat(staged.resolve("job.jar")).hasSameBinaryContentAs(jar);
        Properties submitted = new Properties();
        try (Reader in = Files.newBufferedReader(staged.resolve("job.conf"), StandardCharsets.UTF_8)) {
            submitted.load(in);
        }
        String stagedJarPath = qualified(staged.resolve("job.jar"));
        assertThat(submitted.getProperty("fs.defaultFS")).isEqualTo("file:///");
        assertThat(submitted.getProperty("mapreduce.job.jar")).isEqualTo(stagedJarPath);
        assertThat(submitted.getProperty("mapreduce.output.fileoutputformat.outputdir")).isEqualTo(qualified(dir.resolve("out")));
        assertThat(submitted.getProperty("quarry.user.name")).isEqualTo("alice");

        FakeWorker worker = new FakeWorker(client, "w1", "localhost");
        List<LaunchInstruction> launches = worker.heartbeat(List.of());
        assertThat(launches).hasSize(3);
        for (LaunchInstruction launch : launches) {
            assertThat(launch.jarPath()).isEqualTo(stagedJarPath);
            assertThat(launch.jobConf()).containsEntry("fs.defaultFS", "file:///").containsEntry("mapreduce.job.jar", stagedJarPath);
            assertThat(launch.locality()).isEqualTo("NODE_LOCAL");
            InputSplit split = SplitCodec.decode(launch.split(), getClass().getClassLoader());
            assertThat(split).isInstanceOfSatisfying(FileSplit.class, file -> {
                assertThat(file.hosts()).containsExactly("localhost");
                assertThat(file.path().toString()).startsWith(qualified(dir.resolve("in").resolve("part-")));
            });
        }
        job.kill();
        assertThat(awaitEnd(job).state()).isEqualTo(JobState.KILLED);
    }

    @Test
    void aFakeWorkerCarriesTheJobToSuccessAndTheClientSeesItAtOnceWithTheLocalityCounters() throws Exception {
        Configuration slowPolls = conf.with(MapReduceConfigKeys.PROGRESS_INTERVAL, "10s");
        RunningJob job = job(slowPolls, jar("wordcount.jar")).submit();
        java.nio.file.Path staged = onlyStagingDir();

        new FakeWorker(client, "w1", "localhost").runUntil(job.id().toString(), 20);
        long endedNanos = System.nanoTime();
        JobStatus status = awaitEnd(job);
        long seenAfterMillis = (System.nanoTime() - endedNanos) / 1_000_000;
        System.out.println("The client saw the job end " + seenAfterMillis + " ms after the Scheduler did");

        assertThat(status.state()).as(status.failure()).isEqualTo(JobState.SUCCEEDED);
        assertThat(seenAfterMillis).as("the client saw the end within a few polls, not after the 10 s poll interval")
                .isLessThan(2_000);
        assertThat(status.counters().value(JobCounter.DATA_LOCAL_MAPS)).isEqualTo(3);
        assertThat(status.counters().value(JobCounter.RACK_LOCAL_MAPS)).isZero();
        assertThat(status.counters().value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(6);
        assertThat(status.counters().format()).contains("Job Counters").contains("Data-local map tasks=3");
        assertThat(status.maps().succeeded()).isEqualTo(3);
        assertThat(status.reduces().succeeded()).isEqualTo(1);
        assertThat(staged).as("staging removed once the client saw the job end").doesNotExist();
        assertThat(job.status()).isSameAs(status);
        job.kill(); // a finished job stays as it is
        assertThat(client.jobStatus(job.id().toString()).state()).isEqualTo("SUCCEEDED");
    }

    @Test
    void killFromElsewhereIsSeenByTheRunningJobAndRemovesTheStaging() throws Exception {
        RunningJob job = job(jar("job.jar")).submit();
        java.nio.file.Path staged = onlyStagingDir();

        client.killJob(job.id().toString(), "killed from another shell");

        JobStatus status = awaitEnd(job);
        assertThat(status.state()).isEqualTo(JobState.KILLED);
        assertThat(status.failure()).contains("killed from another shell");
        assertThat(staged).doesNotExist();
    }

    @Test
    void anExistingOutputDirectoryFailsTheSubmissionBeforeAnythingIsStagedOrSubmitted() throws Exception {
        Files.createDirectories(dir.resolve("out"));

        assertThatThrownBy(() -> job(jar("job.jar")).submit())
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("Output directory").hasMessageContaining(dir.resolve("out").toString())
                .hasMessageContaining("already exists");
        assertThat(client.listJobs()).isEmpty();
        assertThat(dir.resolve("staging")).doesNotExist();
    }

    @Test
    void aMapperClassThatDoesNotLoadFailsTheSubmissionNamingIt() throws Exception {
        Job job = job(jar("job.jar")).set(MapReduceConfigKeys.MAPPER_CLASS, "com.example.NoSuchMapper");

        assertThatThrownBy(job::submit).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapreduce.job.map.class").hasMessageContaining("com.example.NoSuchMapper");
        assertThat(client.listJobs()).isEmpty();
        assertThat(dir.resolve("staging")).doesNotExist();
    }

    @Test
    void anUnreachableSchedulerIsNamedWithItsKeyAndTheStagingIsRemoved() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Configuration nowhere = conf.with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:" + closedPort)
                .with(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS, "1");

        assertThatThrownBy(() -> job(nowhere, jar("job.jar")).submit())
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageContaining("quarry.scheduler.address");
        try (Stream<java.nio.file.Path> left = Files.walk(dir.resolve("staging"))) {
            assertThat(left.filter(Files::isRegularFile)).as("nothing left staged").isEmpty();
        }
        assertThat(Files.list(dir.resolve("staging").resolve("alice"))).isEmpty();
    }

    @Test
    void aSchedulerThatGoesAwayIsReportedByTheRunningJobNamingItsAddressAndKey() throws Exception {
        Configuration impatient = conf.with(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS, "1")
                .with(MapReduceConfigKeys.PROGRESS_INTERVAL, "10ms");
        RunningJob job = job(impatient, jar("job.jar")).submit();
        String address = server.address().toString();
        Await.until("the client saw the job running", WAIT, () -> statusOrNull(job) != null
                && statusOrNull(job).state() == JobState.RUNNING);

        server.close();
        server = null;

        assertThatThrownBy(() -> awaitEnd(job)).isInstanceOf(IOException.class)
                .hasMessageContaining(job.id().toString()).hasMessageContaining(address)
                .hasMessageContaining("quarry.scheduler.address").hasMessageContaining("staging directory");
        assertThatThrownBy(job::status).isInstanceOf(IOException.class).hasMessageContaining(address);
    }

    @Test
    void theClusterRunnerIsFoundByItsFrameworkName() {
        assertThat(new ClusterJobRunner().framework()).isEqualTo("cluster");
        assertThat(java.util.ServiceLoader.load(io.quarry.mapreduce.JobRunner.class).stream()
                .map(provider -> provider.type().getName()))
                .contains(ClusterJobRunner.class.getName());
    }

    private Job job(java.nio.file.Path jar) {
        return job(conf, jar);
    }

    private Job job(Configuration base, java.nio.file.Path jar) {
        return Job.create(base, "client-test")
                .set(MapReduceConfigKeys.JOB_JAR, jar.toString())
                .addInputPath(new Path(uri(dir.resolve("in"))))
                .setOutputPath(new Path(uri(dir.resolve("out"))));
    }

    private static JobStatus statusOrNull(RunningJob job) {
        try {
            return job.status();
        } catch (IOException e) {
            return null;
        }
    }

    private java.nio.file.Path onlyStagingDir() throws IOException {
        try (Stream<java.nio.file.Path> jobs = Files.list(dir.resolve("staging").resolve("alice"))) {
            List<java.nio.file.Path> all = jobs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static JobStatus awaitEnd(RunningJob job) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JobStatus status = job.status();
        while (!status.state().isFinished()) {
            assertThat(System.nanoTime()).as("job %s ended within %s", job.id(), WAIT).isLessThan(deadline);
            status = job.awaitStatusChange(Duration.ofSeconds(1));
        }
        return status;
    }

    private java.nio.file.Path jar(String name) throws IOException {
        java.nio.file.Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("README"));
            jarOut.write(("classes of " + name).getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return jar;
    }

    /** As the local filesystem qualifies a path. */
    private static String qualified(java.nio.file.Path path) {
        return "file://" + path.toAbsolutePath();
    }

    private static String uri(java.nio.file.Path path) {
        return "file:" + path.toAbsolutePath();
    }
}
