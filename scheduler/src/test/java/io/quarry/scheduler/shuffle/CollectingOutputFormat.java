package io.quarry.scheduler.shuffle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.output.OutputCommitter;
import io.quarry.mapreduce.output.OutputFormat;
import io.quarry.mapreduce.output.RecordWriter;

/** Test output: each attempt's records as {@code key<TAB>value} lines, kept in memory until {@link #take taken}. */
public final class CollectingOutputFormat implements OutputFormat<Object, Object> {
    private static final Map<String, List<String>> WRITTEN = new ConcurrentHashMap<>();

    static List<String> take(TaskAttemptContext attempt) {
        List<String> lines = WRITTEN.remove(attempt.taskAttemptId().toString());
        return lines == null ? List.of() : lines;
    }

    @Override
    public void checkOutputSpecs(JobContext job) {
    }

    @Override
    public RecordWriter<Object, Object> recordWriter(TaskAttemptContext attempt) {
        List<String> lines = new ArrayList<>();
        WRITTEN.put(attempt.taskAttemptId().toString(), lines);
        return new RecordWriter<>() {
            @Override
            public void write(Object key, Object value) {
                lines.add(key + "\t" + value);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public OutputCommitter committer(TaskAttemptContext attempt) {
        throw new UnsupportedOperationException("tests do not commit");
    }
}
