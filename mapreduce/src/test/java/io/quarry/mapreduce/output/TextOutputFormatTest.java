package io.quarry.mapreduce.output;

import static io.quarry.mapreduce.input.FormatTesting.attempt;
import static io.quarry.mapreduce.input.FormatTesting.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.FileSystemCounters;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.IntValue;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TextOutputFormatTest {
    @TempDir
    java.nio.file.Path dir;

    private String writeAll(Configuration extra, List<Object[]> records) throws IOException {
        Configuration conf = extra.with(MapReduceConfigKeys.OUTPUT_DIR, path(dir.resolve("out")).toString());
        TaskAttemptContext attempt = attempt(conf, TaskType.REDUCE, 0, 0);
        TextOutputFormat<Object, Object> format = new TextOutputFormat<>();
        try (RecordWriter<Object, Object> writer = format.recordWriter(attempt)) {
            for (Object[] record : records) {
                writer.write(record[0], record[1]);
            }
        }
        java.nio.file.Path file = dir.resolve("out/_temporary/" + attempt.taskAttemptId() + "/part-r-00000");
        assertThat(FileSystemCounters.bytesWritten(attempt.counters(), "file").value()).isEqualTo(Files.size(file));
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesKeyTabValueLinesForEveryType() throws IOException {
        String text = writeAll(Configuration.empty(), List.of(
                new Object[] {new Text("word"), new LongValue(42)},
                new Object[] {new IntValue(-7), new Text("naïve")},
                new Object[] {Long.MIN_VALUE, 0},
                new Object[] {"plain string ü", 3.5},
                new Object[] {new BytesValue("raw".getBytes(StandardCharsets.UTF_8)), List.of(1, 2)}));
        assertThat(text).isEqualTo("word\t42\n-7\tnaïve\n-9223372036854775808\t0\nplain string ü\t3.5\nraw\t[1, 2]\n");
    }

    @Test
    void nullKeyOrValueIsLeftOutWithItsSeparator() throws IOException {
        List<Object[]> records = new java.util.ArrayList<>();
        records.add(new Object[] {NullValue.get(), new Text("only value")});
        records.add(new Object[] {new Text("only key"), NullValue.get()});
        records.add(new Object[] {null, new Text("v")});
        records.add(new Object[] {NullValue.get(), null});
        assertThat(writeAll(Configuration.empty(), records)).isEqualTo("only value\nonly key\nv\n");
    }

    @Test
    void usesTheConfiguredSeparator() throws IOException {
        Configuration conf = Configuration.empty().with(MapReduceConfigKeys.TEXT_OUTPUT_SEPARATOR, ",");
        assertThat(writeAll(conf, List.<Object[]>of(new Object[] {new Text("a"), new Text("b")}))).isEqualTo("a,b\n");
    }

    @Test
    void recordsLargerThanTheBufferAreWrittenWhole() throws IOException {
        String big = "x".repeat(TextRecordWriter.BUFFER_SIZE * 2 + 17);
        String bigUnicode = "é".repeat(TextRecordWriter.BUFFER_SIZE);
        StringBuilder expected = new StringBuilder();
        List<Object[]> records = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            records.add(new Object[] {new Text("k" + i), new LongValue(i)});
            expected.append("k").append(i).append('\t').append(i).append('\n');
            if (i % 5000 == 0) {
                records.add(new Object[] {new Text(big), bigUnicode});
                expected.append(big).append('\t').append(bigUnicode).append('\n');
            }
        }
        assertThat(writeAll(Configuration.empty(), records)).isEqualTo(expected.toString());
    }
}
