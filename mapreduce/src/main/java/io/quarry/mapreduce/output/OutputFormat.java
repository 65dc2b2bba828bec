package io.quarry.mapreduce.output;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import java.io.IOException;

/** Describes a job's output. Implementations need a public no-argument constructor. */
public interface OutputFormat<K, V> {

    /** Fails before any task runs when the output cannot be written (e.g. the directory exists). */
    void checkOutputSpecs(JobContext job) throws IOException;

    RecordWriter<K, V> recordWriter(TaskAttemptContext attempt) throws IOException;

    OutputCommitter committer(TaskAttemptContext attempt) throws IOException;
}
