package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.output.OutputCommitter;
import io.quarry.mapreduce.output.OutputFormat;
import io.quarry.mapreduce.output.RecordWriter;

/** Drops every record: for measuring the runtime alone. */
public final class DiscardingOutputFormat implements OutputFormat<Object, Object> {
    @Override
    public void checkOutputSpecs(JobContext job) {
    }

    @Override
    public RecordWriter<Object, Object> recordWriter(TaskAttemptContext attempt) {
        return new RecordWriter<>() {
            @Override
            public void write(Object key, Object value) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public OutputCommitter committer(TaskAttemptContext attempt) {
        throw new UnsupportedOperationException("nothing to commit");
    }
}
