package io.quarry.mapreduce.output;

import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Text lines {@code key SEPARATOR value}, the separator being
 * {@code mapreduce.output.textoutputformat.separator} (a tab by default). See
 * {@link TextRecordWriter} for how keys and values become text.
 */
public class TextOutputFormat<K, V> extends FileOutputFormat<K, V> {
    @Override
    public RecordWriter<K, V> recordWriter(TaskAttemptContext attempt) throws IOException {
        String separator = attempt.configuration().getString(MapReduceConfigKeys.TEXT_OUTPUT_SEPARATOR);
        OutputFile file = OutputFile.create(workFile(attempt, ""), attempt.configuration(), attempt.counters());
        return new TextRecordWriter<>(file, (separator == null ? "" : separator).getBytes(StandardCharsets.UTF_8));
    }
}
