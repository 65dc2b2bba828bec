package io.quarry.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.testing.Await;
import io.quarry.common.time.ManualClock;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.scheduler.core.SchedulerConfigKeys;
import io.quarry.scheduler.protocol.CleanupJobInstruction;
import io.quarry.scheduler.protocol.HeartbeatResponse;
import io.quarry.scheduler.protocol.KillInstruction;
import io.quarry.scheduler.protocol.LaunchInstruction;
import io.quarry.scheduler.protocol.MapOutputs;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.protocol.RerunMapInstruction;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.WireAttemptReport;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.protocol.WireMapOutput;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import io.quarry.scheduler.protocol.WorkerInstruction;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SchedulerServerTest {
    private static final Map<String, String> HOSTS = Map.of("w1", "host-a", "w2", "host-b");

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    @TempDir
    java.nio.file.Path tmp;
    private SchedulerServer server;
    private SchedulerClient client;

    @BeforeEach
    void start() throws QuarryException {
        Configuration conf = Configuration.empty()
                .with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0")
                .with(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL, "0")
                .with(SchedulerConfigKeys.WORKER_EXPIRY, "10s");
        server = SchedulerServer.start(conf, clock);
        client = new SchedulerClient(server.address(), conf);
        for (Map.Entry<String, String> worker : HOSTS.entrySet()) {
            client.registerWorker(new RegisterWorker(worker.getKey(), worker.getValue(), "/rack-1", 2, 1, 13562));
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
    void jobRunsFromSubmissionToSuccessOverTheWire() throws Exception {
        List<FileSplit> splits = List.of(split(0, "host-a"), split(1, "host-b"), split(2, "host-a"));
        java.nio.file.Path outputDir = tmp.resolve("out");
        java.nio.file.Path staging = java.nio.file.Files.createDirectories(tmp.resolve("staging"));
        String jar = emptyJar(staging.resolve("job.jar"));
        String jobId = client.submitJob(new SubmitJob("", "alice", "wordcount", Map.of("mapreduce.job.name", "wordcount",
                        "mapreduce.output.fileoutputformat.outputdir", outputDir.toUri().toString(),
                        "mapreduce.job.dir", staging.toUri().toString()),
                jar, splits.stream().map(SplitCodec::encode).toList(), 1));
        assertThat(jobId).startsWith("job_1700000000000_");

        Map<String, LaunchInstruction> maps = new HashMap<>();
        Map<String, String> workerOf = new HashMap<>();
        for (int round = 0; round < 5 && maps.size() < 3; round++) {
            for (String worker : HOSTS.keySet()) {
                for (LaunchInstruction launch : launches(heartbeat(worker, List.of()))) {
                    maps.put(launch.attemptId(), launch);
                    workerOf.put(launch.attemptId(), worker);
                }
            }
        }
        assertThat(maps).hasSize(3);
        for (LaunchInstruction launch : maps.values()) {
            InputSplit split = SplitCodec.decode(launch.split(), getClass().getClassLoader());
            assertThat(splits).contains((FileSplit) split);
            assertThat(split.locations()).containsExactly(HOSTS.get(workerOf.get(launch.attemptId())));
            assertThat(launch.locality()).isEqualTo("NODE_LOCAL");
            assertThat(launch.jarPath()).isEqualTo(jar);
            assertThat(launch.jobConf()).containsEntry("mapreduce.job.name", "wordcount");
            assertThat(TaskAttemptId.parse(launch.attemptId()).type()).isEqualTo(TaskType.MAP);
        }

        LaunchInstruction reduce = null;
        for (String worker : HOSTS.keySet()) {
            List<WireAttemptReport> done = new ArrayList<>();
            for (String attempt : maps.keySet()) {
                if (workerOf.get(attempt).equals(worker)) {
                    done.add(succeeded(attempt));
                }
            }
            List<LaunchInstruction> launched = launches(heartbeat(worker, done));
            if (!launched.isEmpty()) {
                reduce = launched.get(0);
                workerOf.put(reduce.attemptId(), worker);
            }
        }
        if (reduce == null) { // the reduce goes to whichever worker heartbeats after the last map finished
            for (String worker : HOSTS.keySet()) {
                List<LaunchInstruction> launched = launches(heartbeat(worker, List.of()));
                if (reduce == null && !launched.isEmpty()) {
                    reduce = launched.get(0);
                    workerOf.put(reduce.attemptId(), worker);
                }
            }
        }
        assertThat(reduce).as("reduce launched after every map succeeded").isNotNull();
        assertThat(TaskAttemptId.parse(reduce.attemptId()).type()).isEqualTo(TaskType.REDUCE);
        assertThat(reduce.split()).isNull();
        assertThat(reduce.numMaps()).isEqualTo(3);
        MapOutputs outputs = client.mapOutputs(jobId);
        assertThat(outputs.jobState()).isEqualTo("RUNNING");
        assertThat(outputs.outputs()).extracting(WireMapOutput::mapIndex).containsExactlyInAnyOrder(0, 1, 2);
        for (WireMapOutput output : outputs.outputs()) {
            assertThat(output.host()).isEqualTo(HOSTS.get(workerOf.get(output.mapAttemptId())));
            assertThat(output.shufflePort()).isEqualTo(13562);
        }
        assertThat(client.jobStatus(jobId).state()).isEqualTo("RUNNING");

        assertThat(client.canCommit(reduce.attemptId())).isTrue();
        String reduceWorker = workerOf.get(reduce.attemptId());
        HeartbeatResponse last = heartbeat(reduceWorker, List.of(succeeded(reduce.attemptId())));
        assertThat(last.instructions()).as("the job ends only once its output is committed").isEmpty();
        Await.untilNoException("the job's output committed", Duration.ofSeconds(10),
                () -> assertThat(client.jobStatus(jobId).state()).isEqualTo("SUCCEEDED"));
        assertThat(outputDir.resolve("_SUCCESS")).as("the Scheduler committed the job's output").exists();
        assertThat(staging).as("and removed the job's staging directory").doesNotExist();
        assertThat(heartbeat(reduceWorker, List.of()).instructions()).contains(new CleanupJobInstruction(jobId, "SUCCEEDED"));

        WireJobStatus status = client.jobStatus(jobId);
        assertThat(client.mapOutputs(jobId)).as("a finished job has no outputs left to fetch")
                .isEqualTo(new MapOutputs("SUCCEEDED", "", List.of()));
        assertThat(status.state()).isEqualTo("SUCCEEDED");
        assertThat(status.maps().succeeded()).isEqualTo(3);
        assertThat(status.reduces().succeeded()).isEqualTo(1);
        assertThat(status.counters()).containsKey("test").extractingByKey("test").isEqualTo(Map.of("records", 4L));
        assertThat(client.listJobs()).extracting(WireJobStatus::jobId, WireJobStatus::state).contains(
                tuple(jobId, "SUCCEEDED"));
        String otherWorker = reduceWorker.equals("w1") ? "w2" : "w1";
        assertThat(heartbeat(otherWorker, List.of()).instructions()).contains(new CleanupJobInstruction(jobId, "SUCCEEDED"));
        assertThat(heartbeat(reduceWorker, List.of()).instructions()).isEmpty();
    }

    @Test
    void killedJobEndsKilledAndItsAttemptsAreKilledOnTheNextHeartbeat() throws QuarryException {
        String jobId = client.submitJob(new SubmitJob("", "bob", "slow", Map.of(), "",
                List.of(SplitCodec.encode(split(0, "host-a"))), 0));
        List<LaunchInstruction> launched = launches(heartbeat("w1", List.of()));
        assertThat(launched).hasSize(1);
        String attempt = launched.get(0).attemptId();

        client.killJob(jobId, "user asked");
        assertThat(client.jobStatus(jobId).state()).isEqualTo("KILLED");
        client.killJob(jobId, "again"); // idempotent: a finished job stays as it is

        List<WorkerInstruction> next = heartbeat("w1", List.of()).instructions(); // queued by the kill itself
        assertThat(next).anySatisfy(instruction -> assertThat(instruction).isInstanceOfSatisfying(KillInstruction.class,
                kill -> assertThat(kill.attemptId()).isEqualTo(attempt)));
        assertThat(next).contains(new CleanupJobInstruction(jobId, "KILLED"));
    }

    @Test
    void fetchFailureReRunsTheMapAndTellsTheWorkers() throws QuarryException {
        String jobId = client.submitJob(new SubmitJob("job_7_0001", "carol", "shuffle", Map.of(), "",
                List.of(SplitCodec.encode(split(0, "host-a"))), 1));
        assertThat(jobId).isEqualTo("job_7_0001");
        String map = launches(heartbeat("w1", List.of())).get(0).attemptId();
        List<LaunchInstruction> reduces = launches(heartbeat("w1", List.of(succeeded(map))));
        if (reduces.isEmpty()) {
            reduces = launches(heartbeat("w2", List.of()));
        }
        assertThat(reduces).hasSize(1);
        String reduce = reduces.get(0).attemptId();

        client.reportFetchFailure(reduce, map, "connection refused by host-a");

        List<WorkerInstruction> told = heartbeat("w2", List.of()).instructions();
        assertThat(told).anySatisfy(instruction -> assertThat(instruction).isInstanceOfSatisfying(
                RerunMapInstruction.class, rerun -> assertThat(rerun.lostAttemptId()).isEqualTo(map)));
        assertThatThrownBy(() -> client.submitJob(new SubmitJob("job_7_0001", "carol", "again", Map.of(), "", List.of(), 0)))
                .isInstanceOf(QuarryException.class).hasMessageContaining("job_7_0001").hasMessageContaining("already submitted");
    }

    @Test
    void unknownJobIdsAreRefusedByName() {
        assertThatThrownBy(() -> client.jobStatus("job_42_0099"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("job_42_0099");
        assertThatThrownBy(() -> client.killJob("job_42_0099", ""))
                .isInstanceOf(QuarryException.class).hasMessageContaining("job_42_0099");
        assertThatThrownBy(() -> client.jobStatus("not-a-job"))
                .isInstanceOf(QuarryException.class).hasMessageContaining("not-a-job");
        assertThatThrownBy(() -> client.canCommit("attempt_garbage"))
                .isInstanceOf(QuarryException.class).hasMessageContaining("attempt_garbage");
    }

    @Test
    void garbageOnThePortDoesNotStopTheServer() throws Exception {
        HostAndPort address = server.address();
        byte[][] payloads = {
            {0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 9, 9},
            "GET / HTTP/1.1\r\nHost: scheduler\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        };
        for (byte[] payload : payloads) {
            try (Socket socket = new Socket(address.host(), address.port())) {
                socket.setSoTimeout(10_000);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.write(payload);
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                while (in.read(buffer) >= 0) {
                    // the server answers with a protocol error and closes the connection
                }
            }
        }
        assertThat(client.listJobs()).isEmpty();
        client.registerWorker(new RegisterWorker("w3", "host-c", "/rack-1", 1, 1, 13562));
    }

    @Test
    void heartbeatsAreAnsweredWithThePaceTheSchedulerWants() throws QuarryException {
        assertThat(heartbeat("w1", List.of()).nextHeartbeatMillis()).isEqualTo(50);
        assertThat(client.heartbeat(new WorkerHeartbeat("stranger", List.of(), 0, 0)))
                .as("a worker told to register again keeps its own interval")
                .isEqualTo(new HeartbeatResponse(List.of(), true, 0));
    }

    @Test
    void aWorkerWithoutAUsableShufflePortIsRefusedByName() {
        assertThatThrownBy(() -> client.registerWorker(new RegisterWorker("w9", "host-z", "/rack-1", 1, 1, 0)))
                .isInstanceOf(QuarryException.class).hasMessageContaining("w9").hasMessageContaining("shuffle port 0");
    }

    @Test
    void mapOutputsOfAnUnknownJobNameIt() {
        assertThatThrownBy(() -> client.mapOutputs("job_1_0042"))
                .isInstanceOf(QuarryException.class).hasMessageContaining("job_1_0042");
    }

    @Test
    void badAddressFailsStartupNamingTheKey() {
        assertThatThrownBy(() -> SchedulerServer.start(Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, "nowhere"), clock))
                .isInstanceOf(ConfigException.class).hasMessageContaining("quarry.scheduler.address").hasMessageContaining("nowhere");
    }

    @Test
    void silentWorkersExpireAndAreToldToRegisterAgain() throws Exception {
        clock.advance(Duration.ofSeconds(5));
        heartbeat("w1", List.of());
        clock.advance(Duration.ofSeconds(6));
        server.service().expireWorkers().get(10, TimeUnit.SECONDS);
        assertThat(heartbeat("w2", List.of()).reregister()).isTrue();
        assertThat(heartbeat("w1", List.of()).reregister()).isFalse();
    }

    /** A job jar with no classes: the job's classes come from the test's class path. */
    private static String emptyJar(java.nio.file.Path file) throws java.io.IOException {
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(file))) {
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/"));
        }
        return file.toUri().toString();
    }

    private HeartbeatResponse heartbeat(String worker, List<WireAttemptReport> reports) throws QuarryException {
        return client.heartbeat(new WorkerHeartbeat(worker, reports, 0, 0));
    }

    private static List<LaunchInstruction> launches(HeartbeatResponse response) {
        assertThat(response.reregister()).isFalse();
        return response.instructions().stream().filter(LaunchInstruction.class::isInstance).map(LaunchInstruction.class::cast)
                .toList();
    }

    private static WireAttemptReport succeeded(String attempt) {
        return new WireAttemptReport(attempt, "SUCCEEDED", 1f,
                TaskAttemptId.parse(attempt).type() == TaskType.REDUCE ? Map.of("test", Map.of("records", 4L)) : Map.of(), "");
    }

    private static FileSplit split(int index, String host) {
        return new FileSplit(new Path("qfs://nn:8020/input/part-" + index), 0, 1000 + index, List.of(host));
    }
}
