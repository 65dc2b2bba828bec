package io.quarry.scheduler.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.codec.CodecException;
import io.quarry.common.codec.KryoCodec;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.scheduler.core.AttemptReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SchedulerMessagesTest {
    private static final KryoCodec CODEC = KryoCodec.shared();
    private static final FileSplit SPLIT = new FileSplit(new Path("qfs://nn:8020/logs/part-0"), 134217728L, 1000,
            List.of("host-a", "host-b"));
    private static final String ATTEMPT = "attempt_1700000000000_0001_m_000002_0";

    static Stream<Object> messages() {
        SerializedSplit split = SplitCodec.encode(SPLIT);
        WireAttemptReport report = new WireAttemptReport(ATTEMPT, "SUCCEEDED", 1f,
                Map.of("io.quarry.mapreduce.TaskCounter", Map.of("MAP_INPUT_RECORDS", 42L)), "");
        WireJobStatus status = new WireJobStatus("job_1700000000000_0001", "wordcount", "alice", "RUNNING", 0.5f, 0f,
                new WireTaskCounts(3, 1, 2, 0, 0), new WireTaskCounts(1, 0, 0, 0, 0), Map.of("g", Map.of("c", 7L)), "", 11L, 0L);
        return Stream.of(
                new RegisterWorker("w1", "host-a", "/default-rack", 2, 1, 13562),
                new WorkerHeartbeat("w1", List.of(report, new WireAttemptReport(ATTEMPT, "RUNNING", 0.25f, null, null)), 1, 0),
                new HeartbeatResponse(List.of(
                        new LaunchInstruction(ATTEMPT, Map.of("mapreduce.job.name", "wc"), "qfs://nn:8020/staging/job.jar", split, 3,
                                "NODE_LOCAL", false),
                        new LaunchInstruction("attempt_1700000000000_0001_r_000000_0", Map.of(), "", null, 3, "", true),
                        new KillInstruction(ATTEMPT, "job killed"),
                        new RerunMapInstruction("task_1700000000000_0001_m_000002", ATTEMPT, "output lost"),
                        new CleanupJobInstruction("job_1700000000000_0001", "SUCCEEDED")), false, 50),
                new HeartbeatResponse(List.of(), true, 0),
                new SubmitJob("", "alice", "wordcount", Map.of("mapreduce.job.reduces", "1"), "file:/tmp/job.jar", List.of(split), 1),
                new SubmitJobResponse("job_1700000000000_0001"),
                new GetJobStatus("job_1700000000000_0001"),
                status,
                new ListJobs(),
                new JobList(List.of(status, status)),
                new KillJob("job_1700000000000_0001", "user asked"),
                new CanCommit(ATTEMPT),
                new CanCommitResponse(true),
                new ReportFetchFailure("attempt_1700000000000_0001_r_000000_0", ATTEMPT, "connection refused"),
                new GetMapOutputs("job_1700000000000_0001"),
                new MapOutputs("RUNNING", "", List.of(new WireMapOutput(2, ATTEMPT, "host-a", 13562))),
                new MapOutputs("FAILED", "task failed 4 times", null));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageSurvivesTheSharedCodec(Object message) {
        byte[] bytes = CODEC.encode(message);
        assertThat(CODEC.decode(bytes)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void truncatedMessagesFailWithACodecError(Object message) {
        byte[] bytes = CODEC.encode(message);
        for (int length = 0; length < bytes.length; length++) {
            int cut = length;
            assertThatThrownBy(() -> CODEC.decode(Arrays.copyOf(bytes, cut)))
                    .as("%s cut to %d of %d bytes", message.getClass().getSimpleName(), cut, bytes.length)
                    .isInstanceOf(CodecException.class);
        }
    }

    @Test
    void randomGarbageNeverEscapesAsAnythingButACodecError() {
        long seed = Seeds.seed("SchedulerMessagesTest.randomGarbage");
        Random random = new Random(seed);
        byte[] valid = CODEC.encode(messages().toList().get(2));
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                CODEC.decode(bytes);
            } catch (CodecException expected) {
                // a clean refusal
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": garbage escaped as " + e, e);
            }
        }
    }

    @Test
    void fileSplitTravelsInsideASubmissionAndDecodesOnTheWorker() throws QuarryException {
        SubmitJob submit = new SubmitJob("", "alice", "wc", Map.of(), "", List.of(SplitCodec.encode(SPLIT)), 0);
        SubmitJob back = (SubmitJob) CODEC.decode(CODEC.encode(submit));
        SerializedSplit carried = back.splits().get(0);
        assertThat(carried.length()).isEqualTo(1000);
        assertThat(carried.locations()).containsExactly("host-a", "host-b");
        InputSplit decoded = SplitCodec.decode(carried, getClass().getClassLoader());
        assertThat(decoded).isEqualTo(SPLIT);
    }

    @Test
    void splitOfAClassThatIsNotASplitIsRefusedByName() {
        SerializedSplit bogus = new SerializedSplit("java.lang.Runtime", new byte[] {1}, 0, List.of());
        assertThatThrownBy(() -> SplitCodec.decode(bogus, getClass().getClassLoader()))
                .isInstanceOf(QuarryException.class).hasMessageContaining("java.lang.Runtime").hasMessageContaining("InputSplit");
        SerializedSplit missing = new SerializedSplit("com.example.NoSuchSplit", new byte[] {1}, 0, List.of());
        assertThatThrownBy(() -> SplitCodec.decode(missing, getClass().getClassLoader()))
                .isInstanceOf(QuarryException.class).hasMessageContaining("com.example.NoSuchSplit");
    }

    @Test
    void attemptReportsAndJobStatusesConvertBothWays() throws QuarryException {
        TaskAttemptId attempt = TaskAttemptId.parse(ATTEMPT);
        Counters counters = new Counters();
        counters.counter(TaskCounter.MAP_INPUT_RECORDS).increment(42);
        AttemptReport report = AttemptReport.succeeded(attempt, counters);
        AttemptReport back = WireForms.report((WireAttemptReport) CODEC.decode(CODEC.encode(WireForms.report(report))));
        assertThat(back.attempt()).isEqualTo(attempt);
        assertThat(back.state()).isEqualTo(report.state());
        assertThat(back.counters().value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(42);

        JobStatus status = new JobStatus(new JobId("1700000000000", 1), "wc", "alice", JobState.FAILED, 1f, 0.5f,
                new JobStatus.TaskCounts(3, 0, 3, 1, 0), new JobStatus.TaskCounts(1, 0, 0, 4, 0), counters,
                "task " + new TaskId(new JobId("1700000000000", 1), TaskType.REDUCE, 0) + " failed 4 times", 5L, 9L);
        JobStatus statusBack = WireForms.status((WireJobStatus) CODEC.decode(CODEC.encode(WireForms.status(status))));
        assertThat(statusBack).usingRecursiveComparison().ignoringFields("counters").isEqualTo(status);
        assertThat(statusBack.counters().value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(42);
    }

    @Test
    void malformedIdsAndStatesAreRefusedNamingThem() {
        assertThatThrownBy(() -> WireForms.report(new WireAttemptReport("attempt_bogus", "RUNNING", 0f, null, null)))
                .isInstanceOf(QuarryException.class).hasMessageContaining("attempt_bogus");
        assertThatThrownBy(() -> WireForms.report(new WireAttemptReport(ATTEMPT, "EXPLODED", 0f, null, null)))
                .isInstanceOf(QuarryException.class).hasMessageContaining("EXPLODED");
        assertThatThrownBy(() -> WireForms.report(new WireAttemptReport(ATTEMPT, "RUNNING", 7f, null, null)))
                .isInstanceOf(QuarryException.class).hasMessageContaining(ATTEMPT);
    }
}
