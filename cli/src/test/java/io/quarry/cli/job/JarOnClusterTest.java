package io.quarry.cli.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.common.conf.Configuration;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerServer;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quarry jar} with {@code mapreduce.framework.name=cluster}: the examples' WordCount driver
 * submits to a Scheduler in this JVM (local filesystem as the default filesystem) whose only worker
 * is scripted, so the outcome of the job is the script's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JarOnClusterTest {
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new AssertionError("no filesystem expected, asked for " + uri);
    };

    @TempDir
    Path dir;

    private SchedulerServer server;
    private SchedulerClient client;
    private Path input;
    private Path output;

    @BeforeEach
    void start() throws IOException {
        Configuration conf = Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0");
        server = SchedulerServer.start(conf);
        client = new SchedulerClient(server.address(), conf);
        input = dir.resolve("in.txt");
        Files.writeString(input, "b a\nc b a\n", StandardCharsets.UTF_8);
        output = dir.resolve("out");
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
    void aJobThatSucceedsOnTheClusterShowsProgressAndLocalityCountersAndExitsZero() throws Exception {
        Path jar = examplesJar();
        Run run;
        try (ScriptedWorker worker = ScriptedWorker.start(client, "w1", "localhost", null)) {
            run = onCluster(server.address().toString(), "jar", jar.toString(), "wordcount", uri(input), uri(output));
        }

        assertThat(run.cli.exitCode()).as(run.toString()).isZero();
        assertThat(run.progress).containsPattern("Running job: job_\\d+_0001\n")
                .contains(" map 100% reduce 100% | tasks: 0 running, 2 finished, 0 failed\n")
                .containsPattern("Job job_\\d+_0001 completed successfully\n")
                .contains("\tJob Counters\n").contains("\t\tData-local map tasks=1\n");
        assertThat(client.listJobs()).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo("SUCCEEDED");
            assertThat(job.name()).isEqualTo("wordcount");
        });
        assertThat(dir.resolve("staging").resolve("alice")).isEmptyDirectory();
    }

    @Test
    void aJobWhoseTasksAlwaysFailExitsNonZeroWithTheTasksError() throws Exception {
        Path jar = examplesJar();
        Run run;
        try (ScriptedWorker worker = ScriptedWorker.start(client, "w1", "localhost", "java.lang.IllegalStateException: boom")) {
            run = onCluster(server.address().toString(), "jar", jar.toString(), "wordcount", uri(input), uri(output));
        }

        assertThat(run.cli.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.progress).containsPattern("Job job_\\d+_0001 failed: .*boom");
        assertThat(client.listJobs()).singleElement().satisfies(job -> assertThat(job.state()).isEqualTo("FAILED"));
    }

    @Test
    void anExistingOutputDirectoryIsAClearErrorAndNothingIsSubmitted() throws Exception {
        Files.createDirectories(output);

        Run run = onCluster(server.address().toString(), "jar", examplesJar().toString(), "wordcount", uri(input), uri(output));

        assertThat(run.cli.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.cli.err()).isEqualTo("jar: Output directory file://" + output + " already exists\n");
        assertThat(client.listJobs()).isEmpty();
        assertThat(dir.resolve("staging")).doesNotExist();
    }

    @Test
    void badJarsAndMissingClassesSubmitNothing() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("words.jar"), "not a zip", StandardCharsets.UTF_8);
        String address = server.address().toString();

        assertThat(onCluster(address, "jar", dir.resolve("missing.jar").toString(), "wordcount").cli.exitCode()).isEqualTo(2);
        assertThat(onCluster(address, "jar", notAJar.toString(), "wordcount").cli.exitCode()).isEqualTo(2);
        Run noClass = onCluster(address, "jar", plainJar().toString(), "com.example.NoDriver", uri(input), uri(output));
        assertThat(noClass.cli.exitCode()).isEqualTo(1);
        assertThat(noClass.cli.err()).contains("com.example.NoDriver").contains("not found");

        assertThat(client.listJobs()).isEmpty();
        assertThat(dir.resolve("staging")).doesNotExist();
    }

    @Test
    void anUnreachableSchedulerIsNamedWithItsKey() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = onCluster("127.0.0.1:" + port, "jar", examplesJar().toString(), "wordcount", uri(input), uri(output));

        assertThat(run.cli.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.cli.err()).startsWith("jar: Cannot submit job wordcount to the Scheduler at 127.0.0.1:" + port
                + " (quarry.scheduler.address): ").contains("is the Scheduler running?");
        assertThat(dir.resolve("staging").resolve("alice")).isEmptyDirectory();
    }

    /** What the command printed, and what the driver's job monitor printed on standard error meanwhile. */
    private record Run(CliRun cli, String progress) {
        @Override
        public String toString() {
            return cli + "--- job monitor ---\n" + progress;
        }
    }

    private Run onCluster(String schedulerAddress, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "-Dmapreduce.framework.name=cluster",
                "-D" + SchedulerServiceConfigKeys.ADDRESS.name() + "=" + schedulerAddress,
                "-Dfs.defaultFS=file:///",
                "-Dmapreduce.jobtracker.staging.root.dir=" + uri(dir.resolve("staging")),
                "-Dquarry.user.name=alice",
                "-Dquarry.rpc.retry.max-attempts=1"));
        all.addAll(List.of(args));
        PrintStream original = System.err;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
        try {
            CliRun cli = CliRun.run(NO_FILESYSTEM, all.toArray(String[]::new));
            return new Run(cli, progress.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private Path examplesJar() throws IOException {
        return jar("examples.jar", "io.quarry.examples.ExampleDriver");
    }

    private Path plainJar() throws IOException {
        return jar("plain.jar", null);
    }

    private Path jar(String name, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
        return jar;
    }

    private static String uri(Path path) {
        return "file:" + path.toAbsolutePath();
    }
}
