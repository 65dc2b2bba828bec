package io.quarry.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Await;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.output.FileOutputCommitter;
import io.quarry.mapreduce.output.TextOutputFormat;
import io.quarry.scheduler.core.RecoveredTask;
import io.quarry.scheduler.core.SchedulerConfig;
import io.quarry.scheduler.protocol.SubmitJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A new active finishing the job commits the previous active left half done, or never recorded. */
@Timeout(30)
class RecoveredCommitTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JobId JOB = new JobId("1700000000000", 3);

    @TempDir
    Path tmp;

    private final RecordingStore store = new RecordingStore();
    private SchedulerService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aHalfDoneJobCommitIsFinishedAndPublishesEveryPartOnce() throws Exception {
        Path out = tmp.resolve("out");
        Path temporary = out.resolve(FileOutputCommitter.TEMPORARY);
        Files.createDirectories(temporary.resolve(task(0).toString()));
        Files.writeString(temporary.resolve(task(0).toString()).resolve("part-r-00000"), "a\t1\n");
        // The previous active had already moved the second task's file when it stopped.
        Files.createDirectories(temporary.resolve(task(1).toString()));
        Files.writeString(out.resolve("part-r-00001"), "b\t2\n");

        recover(out, List.of(recovered(0), recovered(1)), true);

        Await.until("the job to finish", WAIT, () -> !store.finished.isEmpty());
        assertThat(store.finished).singleElement().satisfies(status -> assertThat(status.state()).as(status.failure())
                .isEqualTo(JobState.SUCCEEDED));
        assertThat(out.resolve("part-r-00000")).hasContent("a\t1\n");
        assertThat(out.resolve("part-r-00001")).hasContent("b\t2\n");
        assertThat(out.resolve(FileOutputCommitter.SUCCESS)).exists();
        assertThat(temporary).doesNotExist();
        assertThat(store.commitsStarted).containsExactly(JOB);
    }

    @Test
    void aCompletedButUnrecordedJobCommitRunsAgainHarmlessly() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("part-r-00000"), "a\t1\n");
        Files.writeString(out.resolve("part-r-00001"), "b\t2\n");
        Files.createFile(out.resolve(FileOutputCommitter.SUCCESS));

        recover(out, List.of(recovered(0), recovered(1)), true);

        Await.until("the job to finish", WAIT, () -> !store.finished.isEmpty());
        assertThat(store.finished.get(0).state()).isEqualTo(JobState.SUCCEEDED);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(FileOutputCommitter.SUCCESS, "part-r-00000", "part-r-00001");
        }
    }

    @Test
    void aTaskOutputCommittedByAnUnrecordedAttemptIsRemovedSoTheTaskCanRunAgain() throws Exception {
        Path out = tmp.resolve("out");
        Path temporary = out.resolve(FileOutputCommitter.TEMPORARY);
        Files.createDirectories(temporary.resolve(task(0).toString()));
        Files.writeString(temporary.resolve(task(0).toString()).resolve("part-r-00000"), "a\t1\n");
        Files.createDirectories(temporary.resolve(task(1).toString()));
        Files.writeString(temporary.resolve(task(1).toString()).resolve("part-r-00001"), "stale\t9\n");

        recover(out, List.of(recovered(0)), false);

        assertThat(temporary.resolve(task(0).toString())).as("recorded as succeeded: kept").isDirectory();
        assertThat(temporary.resolve(task(1).toString())).as("never recorded: removed").doesNotExist();
        assertThat(service.handle(null, new io.quarry.scheduler.protocol.GetJobStatus(JOB.toString())).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).satisfies(status -> assertThat(((io.quarry.scheduler.protocol.WireJobStatus) status)
                .state()).isEqualTo("RUNNING"));
        assertThat(store.commitsStarted).as("one reduce still has to run").isEmpty();
    }

    private void recover(Path out, List<RecoveredTask> succeeded, boolean commitStarted) throws Exception {
        Map<String, String> conf = Map.of(MapReduceConfigKeys.OUTPUT_DIR.name(), out.toUri().toString(),
                MapReduceConfigKeys.OUTPUT_FORMAT_CLASS.name(), TextOutputFormat.class.getName());
        SubmitJob submission = new SubmitJob(JOB.toString(), "alice", "recovered", conf, "", List.of(), 2);
        service = new SchedulerService(SchedulerConfig.defaults(), new ManualClock(), Duration.ZERO,
                new HeartbeatPacing(Duration.ofMillis(50), 500), store, e -> {
                    throw new AssertionError("no state write should fail", e);
                });
        service.recover(new RecoveredState(List.of(new RecoveredState.Job(submission, succeeded, commitStarted, 1000)), List.of()))
                .get(10, TimeUnit.SECONDS);
    }

    private static TaskId task(int index) {
        return new TaskId(JOB, TaskType.REDUCE, index);
    }

    private static RecoveredTask recovered(int index) {
        return new RecoveredTask(new TaskAttemptId(task(index), 0), "w0");
    }

    /** Keeps what the service records, in memory. */
    private static final class RecordingStore implements SchedulerStateStore {
        final List<JobId> commitsStarted = new CopyOnWriteArrayList<>();
        final List<JobStatus> finished = new CopyOnWriteArrayList<>();

        @Override
        public void jobSubmitted(SubmitJob submission) {
        }

        @Override
        public void jobForgotten(JobId id) {
        }

        @Override
        public void taskSucceeded(TaskAttemptId attempt, String workerId) {
        }

        @Override
        public void mapOutputLost(TaskId map) {
        }

        @Override
        public void commitStarted(JobId id) {
            commitsStarted.add(id);
        }

        @Override
        public void jobFinished(JobStatus status) {
            finished.add(status);
        }

        @Override
        public RecoveredState load() {
            return RecoveredState.EMPTY;
        }
    }
}
