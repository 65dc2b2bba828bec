package io.quarry.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client's last step of a cluster job: publish the committed task outputs, or throw them away. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobCommitTest {
    private static final JobId JOB = new JobId("1700000000000", 7);

    @TempDir
    Path dir;

    private JobCommit commit() throws Exception {
        Configuration conf = Configuration.empty().with(MapReduceConfigKeys.OUTPUT_DIR, dir.resolve("out").toUri().toString());
        return JobCommit.of(new JobContext(JobPreparation.UNASSIGNED, conf, getClass().getClassLoader()), JOB);
    }

    /** A task output as the Worker's attempt left it after its task commit. */
    private void committedTask(int reduce, String file, String text) throws Exception {
        TaskId task = new TaskId(JOB, TaskType.REDUCE, reduce);
        Path taskDir = dir.resolve("out/_temporary/" + task);
        Files.createDirectories(taskDir);
        Files.writeString(taskDir.resolve(file), text);
    }

    private static JobStatus ended(JobState state) {
        return new JobStatus(JOB, "job", state, 1f, 1f, null, null, null, state == JobState.FAILED ? "task failed" : "", 1L, 2L);
    }

    @Test
    void aSucceededJobsTaskOutputsArePublishedWithSuccessMarker() throws Exception {
        committedTask(0, "part-r-00000", "a\t1\n");
        committedTask(1, "part-r-00001", "b\t2\n");

        JobStatus last = commit().complete(ended(JobState.SUCCEEDED));

        assertThat(last.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readString(dir.resolve("out/part-r-00000"))).isEqualTo("a\t1\n");
        assertThat(Files.readString(dir.resolve("out/part-r-00001"))).isEqualTo("b\t2\n");
        assertThat(dir.resolve("out/_SUCCESS")).exists();
        assertThat(dir.resolve("out/_temporary")).doesNotExist();
    }

    @Test
    void aFailedJobsTaskOutputsAreRemovedAndItsStatusKept() throws Exception {
        committedTask(0, "part-r-00000", "a\t1\n");

        JobStatus last = commit().complete(ended(JobState.FAILED));

        assertThat(last.state()).isEqualTo(JobState.FAILED);
        assertThat(last.failure()).isEqualTo("task failed");
        assertThat(dir.resolve("out/_temporary")).doesNotExist();
        assertThat(dir.resolve("out/_SUCCESS")).doesNotExist();
        assertThat(dir.resolve("out/part-r-00000")).doesNotExist();
    }

    @Test
    void aCommitThatFailsTurnsTheJobIntoAFailureNamingTheCause() throws Exception {
        committedTask(0, "part-r-00000", "a\t1\n");
        committedTask(1, "part-r-00000", "clash\n");

        JobStatus last = commit().complete(ended(JobState.SUCCEEDED));

        assertThat(last.state()).isEqualTo(JobState.FAILED);
        assertThat(last.failure()).startsWith("Job commit failed: ").contains("part-r-00000").contains("already exists");
        assertThat(dir.resolve("out/_SUCCESS")).doesNotExist();
    }
}
