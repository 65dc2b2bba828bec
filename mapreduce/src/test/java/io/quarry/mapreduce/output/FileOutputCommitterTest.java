package io.quarry.mapreduce.output;

import static io.quarry.mapreduce.input.FormatTesting.attempt;
import static io.quarry.mapreduce.input.FormatTesting.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.FormatTesting;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FileOutputCommitterTest {
    @TempDir
    java.nio.file.Path dir;

    private java.nio.file.Path out;
    private Configuration conf;
    private final TextOutputFormat<Text, Text> format = new TextOutputFormat<>();

    @BeforeEach
    void setUp() {
        out = dir.resolve("out");
        conf = Configuration.empty().with(MapReduceConfigKeys.OUTPUT_DIR, path(out).toString());
    }

    private JobContext job() {
        return new JobContext(FormatTesting.JOB, conf, getClass().getClassLoader());
    }

    private void writeRecord(TaskAttemptContext attempt, String key, String value) throws IOException {
        try (RecordWriter<Text, Text> writer = format.recordWriter(attempt)) {
            writer.write(new Text(key), new Text(value));
        }
    }

    private List<String> tree() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(out)) {
            return files.filter(p -> !p.equals(out)).map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void committedAttemptsArePublishedWithSuccessMarker() throws IOException {
        format.checkOutputSpecs(job());
        OutputCommitter committer = format.committer(attempt(conf, TaskType.REDUCE, 0, 0));
        committer.setupJob(job());
        for (int task = 0; task < 2; task++) {
            TaskAttemptContext attempt = attempt(conf, TaskType.REDUCE, task, 0);
            committer.setupTask(attempt);
            writeRecord(attempt, "k" + task, "v" + task);
            assertThat(committer.needsTaskCommit(attempt)).isTrue();
            committer.commitTask(attempt);
        }
        assertThat(tree()).doesNotContain("part-r-00000");
        committer.commitJob(job());
        assertThat(tree()).containsExactly("_SUCCESS", "part-r-00000", "part-r-00001");
        assertThat(Files.readString(out.resolve("part-r-00001"))).isEqualTo("k1\tv1\n");
        assertThat(Files.size(out.resolve("_SUCCESS"))).isZero();
    }

    @Test
    void onlyOneOfTwoAttemptsOfATaskCommits() throws IOException {
        TaskAttemptContext first = attempt(conf, TaskType.MAP, 3, 0);
        TaskAttemptContext second = attempt(conf, TaskType.MAP, 3, 1);
        OutputCommitter committer = format.committer(first);
        committer.setupJob(job());
        writeRecord(first, "from", "first");
        writeRecord(second, "from", "second");
        committer.commitTask(second);
        assertThatThrownBy(() -> committer.commitTask(first))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_ALREADY_EXISTS))
                .hasMessageContaining(first.taskAttemptId().toString())
                .hasMessageContaining("already committed");
        committer.abortTask(first);
        committer.commitJob(job());
        assertThat(tree()).containsExactly("_SUCCESS", "part-m-00003");
        assertThat(Files.readString(out.resolve("part-m-00003"))).isEqualTo("from\tsecond\n");
    }

    @Test
    void attemptWithoutOutputStillClaimsItsTask() throws IOException {
        TaskAttemptContext empty = attempt(conf, TaskType.MAP, 0, 0);
        TaskAttemptContext late = attempt(conf, TaskType.MAP, 0, 1);
        OutputCommitter committer = format.committer(empty);
        committer.setupJob(job());
        assertThat(committer.needsTaskCommit(empty)).isFalse();
        committer.commitTask(empty);
        writeRecord(late, "k", "v");
        assertThatThrownBy(() -> committer.commitTask(late)).hasMessageContaining("already committed");
    }

    @Test
    void abortedAttemptLeavesNothing() throws IOException {
        TaskAttemptContext failed = attempt(conf, TaskType.MAP, 0, 0);
        OutputCommitter committer = format.committer(failed);
        committer.setupJob(job());
        writeRecord(failed, "k", "v");
        committer.abortTask(failed);
        assertThat(committer.needsTaskCommit(failed)).isFalse();
        committer.commitJob(job());
        assertThat(tree()).containsExactly("_SUCCESS");
    }

    @Test
    void abortedJobLeavesNoPartFilesAndNoTemporaryDirectory() throws IOException {
        TaskAttemptContext attempt = attempt(conf, TaskType.REDUCE, 0, 0);
        OutputCommitter committer = format.committer(attempt);
        committer.setupJob(job());
        writeRecord(attempt, "k", "v");
        committer.commitTask(attempt);
        writeRecord(attempt(conf, TaskType.REDUCE, 1, 0), "k", "v");
        committer.abortJob(job());
        assertThat(tree()).isEmpty();
    }

    @Test
    void existingOutputDirectoryIsAnError() throws IOException {
        Files.createDirectories(out);
        assertThatThrownBy(() -> format.checkOutputSpecs(job()))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_ALREADY_EXISTS))
                .hasMessage("Output directory " + path(out) + " already exists");
    }

    @Test
    void missingOutputDirectorySettingIsAnError() {
        JobContext noOutput = new JobContext(FormatTesting.JOB, Configuration.empty(), getClass().getClassLoader());
        assertThatThrownBy(() -> format.checkOutputSpecs(noOutput)).hasMessageContaining(MapReduceConfigKeys.OUTPUT_DIR.name());
    }

    @Test
    void attemptsWriteTheirPartFileUnderTheirOwnTemporaryDirectory() {
        TaskAttemptContext attempt = attempt(conf, TaskType.MAP, 12, 2);
        assertThat(FileOutputFormat.workPath(attempt).toString())
                .isEqualTo(path(out) + "/_temporary/" + attempt.taskAttemptId());
        assertThat(FileOutputFormat.partFileName(attempt.taskAttemptId())).isEqualTo("part-m-00012");
        assertThat(FileOutputFormat.partFileName(attempt(conf, TaskType.REDUCE, 7, 0).taskAttemptId())).isEqualTo("part-r-00007");
    }
}
