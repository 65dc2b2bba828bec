package io.quarry.mapreduce.input;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import java.io.IOException;
import java.util.List;

/**
 * Describes a job's input: how it divides into splits (one map task each) and how a split is read.
 * Implementations need a public no-argument constructor.
 */
public interface InputFormat<K, V> {

    List<InputSplit> splits(JobContext job) throws IOException;

    /** A reader positioned at the split's first record. */
    RecordReader<K, V> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException;
}
