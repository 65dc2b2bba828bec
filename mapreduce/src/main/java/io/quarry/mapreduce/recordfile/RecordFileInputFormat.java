package io.quarry.mapreduce.recordfile;

import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.FileInputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import java.io.IOException;

/**
 * Record files as input: keys and values of the classes named in each file's header. Files split
 * at block boundaries (see {@link RecordFileReader}), so one is read by as many map tasks as it
 * has splits.
 */
public class RecordFileInputFormat<K, V> extends FileInputFormat<K, V> {
    @Override
    public RecordReader<K, V> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
        return new RecordFileRecordReader<>(fileSplit(split), context);
    }
}
