package io.quarry.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JobMonitorTest {
    private static final JobId ID = new JobId("1700000000000", 7);

    /** Plays back a fixed series of statuses, one per wait. */
    private static final class ScriptedJob implements RunningJob {
        private final Deque<JobStatus> script;
        private JobStatus current;

        ScriptedJob(List<JobStatus> statuses) {
            this.script = new ArrayDeque<>(statuses);
            this.current = script.poll();
        }

        @Override
        public JobId id() {
            return ID;
        }

        @Override
        public JobStatus status() {
            return current;
        }

        @Override
        public JobStatus awaitStatusChange(Duration maxWait) {
            if (!script.isEmpty()) {
                current = script.poll();
            }
            return current;
        }

        @Override
        public void kill() {
        }
    }

    @Test
    void progressLinesShowPercentagesAndTaskCountsAndTheEndShowsTheCounters() throws Exception {
        Counters counters = new Counters();
        counters.counter(JobCounter.DATA_LOCAL_MAPS).increment(3);
        ScriptedJob job = new ScriptedJob(List.of(
                status(JobState.RUNNING, 0f, 0f, new JobStatus.TaskCounts(3, 2, 0, 0, 0), JobStatus.TaskCounts.NONE, null, ""),
                status(JobState.RUNNING, 0.5f, 0f, new JobStatus.TaskCounts(3, 2, 1, 1, 0), new JobStatus.TaskCounts(1, 0, 0, 0, 0), null, ""),
                status(JobState.SUCCEEDED, 1f, 1f, new JobStatus.TaskCounts(3, 0, 3, 1, 1), new JobStatus.TaskCounts(1, 0, 1, 0, 0),
                        counters, "")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        JobStatus end = new JobMonitor(job, Duration.ofMillis(1), new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .awaitCompletion();

        assertThat(end.isSuccessful()).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Running job: job_1700000000000_0007
                 map 0% reduce 0% | tasks: 2 running, 0 finished, 0 failed
                 map 50% reduce 0% | tasks: 2 running, 1 finished, 1 failed
                 map 100% reduce 100% | tasks: 0 running, 4 finished, 1 failed, 1 killed
                Job job_1700000000000_0007 completed successfully
                Counters: 1
                \tJob Counters
                \t\tData-local map tasks=3
                """);
    }

    @Test
    void aFailedJobEndsWithItsReason() throws Exception {
        ScriptedJob job = new ScriptedJob(List.of(status(JobState.FAILED, 1f, 0f, JobStatus.TaskCounts.NONE,
                JobStatus.TaskCounts.NONE, null, "task_1700000000000_0007_m_000002 failed 4 times: boom")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        JobStatus end = new JobMonitor(job, Duration.ofMillis(1), new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .awaitCompletion();

        assertThat(end.isSuccessful()).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains(" map 100% reduce 0%\n")
                .contains("Job job_1700000000000_0007 failed: task_1700000000000_0007_m_000002 failed 4 times: boom");
    }

    private static JobStatus status(JobState state, float map, float reduce, JobStatus.TaskCounts maps, JobStatus.TaskCounts reduces,
                                    Counters counters, String failure) {
        return new JobStatus(ID, "scripted", "alice", state, map, reduce, maps, reduces, counters, failure, 1L, 2L);
    }
}
