package io.quarry.cli.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerServer;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarry job -list/-status/-kill} against a Scheduler in this JVM (no workers, so jobs stay unfinished). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobCommandTest {
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new IOException("no filesystem in this test: " + uri);
    };

    private SchedulerServer server;
    private SchedulerClient client;
    private String jobId;

    @BeforeEach
    void startSchedulerWithOneJob() throws QuarryException {
        Configuration conf = Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0");
        server = SchedulerServer.start(conf);
        client = new SchedulerClient(server.address(), conf);
        FileSplit split = new FileSplit(new Path("qfs://nn:8020/input/part-0"), 0, 1000, List.of("host-a"));
        jobId = client.submitJob(new SubmitJob("", "alice", "wordcount-test", Map.of("mapreduce.job.name", "wordcount-test"),
                "file:/staging/job.jar", List.of(SplitCodec.encode(split)), 1));
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

    private CliRun quarry(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "-D" + SchedulerServiceConfigKeys.ADDRESS.name() + "=" + server.address();
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(NO_FILESYSTEM, all);
    }

    @Test
    void listShowsTheSubmittedJobWithStateUserAndName() {
        CliRun run = quarry("job", "-list");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Total jobs:1\n").contains("JobId").contains("State").contains("UserName").contains("Maps");
        String row = run.out().lines().filter(line -> line.contains(jobId)).findFirst().orElseThrow();
        assertThat(row).containsAnyOf("RUNNING", "PREP").containsPattern("\\t *alice\\t").contains("wordcount-test").contains("0.0% (0/1)");
    }

    @Test
    void statusShowsStateNameAndTaskCounts() {
        CliRun run = quarry("job", "-status", jobId);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Job: " + jobId + "\n").contains("Job name: wordcount-test\n").contains("User: alice\n")
                .contains("Number of maps: 1\n").contains("Number of reduces: 1\n")
                .containsPattern("Job state: (RUNNING|PREP)\n").contains("Counters: ");
    }

    @Test
    void killThenStatusShowsKilled() throws QuarryException {
        CliRun kill = quarry("job", "-kill", jobId);

        assertThat(kill.exitCode()).as(kill.toString()).isZero();
        assertThat(kill.out()).isEqualTo("Killed job " + jobId + "\n");
        assertThat(client.jobStatus(jobId).state()).isEqualTo("KILLED");
        CliRun status = quarry("job", "-status", jobId);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Job state: KILLED\n");
    }

    @Test
    void unknownJobIdFailsWithTheSchedulersMessage() {
        CliRun status = quarry("job", "-status", "job_42_0099");
        CliRun kill = quarry("job", "-kill", "job_42_0099");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.err()).startsWith("job: ").contains("No job job_42_0099 is known to the Scheduler");
        assertThat(status.out()).isEmpty();
        assertThat(kill.exitCode()).as(kill.toString()).isEqualTo(1);
        assertThat(kill.err()).contains("job_42_0099");
    }

    @Test
    void unreachableSchedulerFailsWithTheAddress() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.run(NO_FILESYSTEM, "-Dquarry.scheduler.address=127.0.0.1:" + port, "job", "-list");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("job: Cannot connect to 127.0.0.1:" + port + ": ")
                .contains("is the Scheduler running?");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(quarry("job").exitCode()).isEqualTo(2);
        assertThat(quarry("job", "-status").exitCode()).isEqualTo(2);
        assertThat(quarry("job", "-list", "extra").exitCode()).isEqualTo(2);
        CliRun unknown = quarry("job", "-frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option '-frobnicate'").contains("Usage: quarry");
    }

    @Test
    void wildcardBindAddressIsReachedThroughLoopback() {
        Configuration conf = Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "0.0.0.0:8030");
        assertThat(JobCommand.clientAddress(conf).toString()).isEqualTo("127.0.0.1:8030");
        Configuration named = Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "sched.example:9000");
        assertThat(JobCommand.clientAddress(named).toString()).isEqualTo("sched.example:9000");
    }
}
