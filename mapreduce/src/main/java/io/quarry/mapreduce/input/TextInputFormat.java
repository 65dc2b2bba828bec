package io.quarry.mapreduce.input;

import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;

/**
 * Plain text files, one record per line: the key is the line's byte offset in its file, the
 * value the line without {@code \n} or {@code \r\n}. Lines cut by split boundaries are read once,
 * by the split holding their first byte.
 */
public class TextInputFormat extends FileInputFormat<LongValue, Text> {
    @Override
    public RecordReader<LongValue, Text> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
        return new LineRecordReader(fileSplit(split), context.configuration(), context.counters());
    }
}
