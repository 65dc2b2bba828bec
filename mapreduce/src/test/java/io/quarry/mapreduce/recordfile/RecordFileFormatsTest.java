package io.quarry.mapreduce.recordfile;

import static io.quarry.mapreduce.input.FormatTesting.attempt;
import static io.quarry.mapreduce.input.FormatTesting.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.FileSystemCounters;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.FormatTesting;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.output.OutputCommitter;
import io.quarry.mapreduce.output.RecordWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordFileFormatsTest {
    @TempDir
    java.nio.file.Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"none", "lz4", "zstd"})
    void jobOutputReadsBackThroughManySplits(String codec) throws IOException {
        java.nio.file.Path out = dir.resolve("out");
        Configuration conf = Configuration.empty()
                .with(MapReduceConfigKeys.OUTPUT_DIR, path(out).toString())
                .with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, Text.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, LongValue.class.getName())
                .with(MapReduceConfigKeys.RECORD_FILE_BLOCK_SIZE, "2k")
                .with(MapReduceConfigKeys.OUTPUT_COMPRESS_CODEC, codec);
        RecordFileOutputFormat<Text, LongValue> output = new RecordFileOutputFormat<>();
        JobContext job = new JobContext(FormatTesting.JOB, conf, getClass().getClassLoader());
        output.checkOutputSpecs(job);
        TaskAttemptContext writing = attempt(conf, TaskType.REDUCE, 0, 0);
        OutputCommitter committer = output.committer(writing);
        committer.setupJob(job);
        List<String> expected = new ArrayList<>();
        try (RecordWriter<Text, LongValue> writer = output.recordWriter(writing)) {
            Text key = new Text();
            LongValue value = new LongValue();
            for (int i = 0; i < 20_000; i++) {
                writer.write(key.set("word-" + i), value.set(i * 3L));
                expected.add("word-" + i + "=" + i * 3L);
            }
        }
        committer.commitTask(writing);
        committer.commitJob(job);
        long fileSize = Files.size(out.resolve("part-r-00000"));
        assertThat(FileSystemCounters.bytesWritten(writing.counters(), "file").value()).isEqualTo(fileSize);

        Configuration readConf = Configuration.empty().with(MapReduceConfigKeys.INPUT_DIRS, path(out).toString())
                .with(MapReduceConfigKeys.LOCAL_BLOCK_SIZE, "10k");
        RecordFileInputFormat<Object, Object> input = new RecordFileInputFormat<>();
        List<InputSplit> splits = new ArrayList<>(input.splits(FormatTesting.mapAttempt(readConf)));
        assertThat(splits.size()).isGreaterThan(codec.equals("none") ? 10 : 1);
        splits.sort(Comparator.comparingLong(split -> ((FileSplit) split).start()));
        List<String> read = new ArrayList<>();
        for (InputSplit split : splits) {
            TaskAttemptContext reading = FormatTesting.mapAttempt(readConf);
            try (RecordReader<Object, Object> reader = input.createRecordReader(split, reading)) {
                while (reader.nextKeyValue()) {
                    assertThat(reader.currentKey()).isInstanceOf(Text.class);
                    assertThat(reader.position()).startsWith(((FileSplit) split).path() + " at byte offset ");
                    read.add(reader.currentKey() + "=" + reader.currentValue());
                }
            }
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void unknownCodecIsAnErrorNamingIt() {
        Configuration conf = Configuration.empty()
                .with(MapReduceConfigKeys.OUTPUT_DIR, path(dir.resolve("out")).toString())
                .with(MapReduceConfigKeys.OUTPUT_COMPRESS_CODEC, "snappy-ish");
        assertThatThrownBy(() -> new RecordFileOutputFormat<Text, Text>().recordWriter(attempt(conf, TaskType.MAP, 0, 0)))
                .hasMessageContaining("snappy-ish");
    }
}
