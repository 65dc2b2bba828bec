package io.quarry.mapreduce.input;

import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Text files of key-value lines: each line splits at the first
 * {@code mapreduce.input.keyvaluelinerecordreader.key.value.separator} (a tab by default) into a
 * key and a value; a line without it is all key, with an empty value. Compressed files are
 * rejected as by {@link TextInputFormat}.
 */
public class KeyValueTextInputFormat extends FileInputFormat<Text, Text> {
    @Override
    public RecordReader<Text, Text> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
        String separator = context.configuration().getString(MapReduceConfigKeys.KEY_VALUE_SEPARATOR);
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException(MapReduceConfigKeys.KEY_VALUE_SEPARATOR.name() + " must not be empty");
        }
        FileSplit fileSplit = fileSplit(split);
        TextInputFormat.rejectCompressed(fileSplit.path());
        return new KeyValueLineRecordReader(fileSplit, context.configuration(), context.counters(),
                separator.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected boolean isSplitable(JobContext job, Path file) {
        return !TextInputFormat.isCompressed(file);
    }
}
