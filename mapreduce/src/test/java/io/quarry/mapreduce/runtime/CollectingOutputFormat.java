package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.output.OutputCommitter;
import io.quarry.mapreduce.output.OutputFormat;
import io.quarry.mapreduce.output.RecordWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every written record in memory, keyed by attempt id (copies of mutable key and value
 * objects, since tasks reuse them). Tests remove what they read with {@link #take}.
 */
public final class CollectingOutputFormat implements OutputFormat<Object, Object> {
    private static final Map<String, List<Object[]>> WRITTEN = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> CLOSED = new ConcurrentHashMap<>();

    /** The records the attempt wrote, in order, and forgets them. */
    static List<Object[]> take(String attemptId) {
        List<Object[]> records = WRITTEN.remove(attemptId);
        CLOSED.remove(attemptId);
        return records == null ? List.of() : records;
    }

    static boolean closed(String attemptId) {
        return CLOSED.getOrDefault(attemptId, false);
    }

    @Override
    public void checkOutputSpecs(JobContext job) {
    }

    @Override
    public RecordWriter<Object, Object> recordWriter(TaskAttemptContext attempt) {
        String id = attempt.taskAttemptId().toString();
        List<Object[]> records = new ArrayList<>();
        WRITTEN.put(id, records);
        CLOSED.put(id, false);
        return new RecordWriter<>() {
            @Override
            public void write(Object key, Object value) {
                records.add(new Object[] {copy(key), copy(value)});
            }

            @Override
            public void close() {
                CLOSED.put(id, true);
            }
        };
    }

    static Object copy(Object o) {
        if (o instanceof Text text) {
            return new Text(text);
        }
        if (o instanceof LongValue value) {
            return new LongValue(value.get());
        }
        if (o instanceof BytesValue bytes) {
            return new BytesValue().set(bytes.bytes(), 0, bytes.length());
        }
        if (o instanceof TestPoint point) {
            return new TestPoint(point.x, point.name);
        }
        return o;
    }

    @Override
    public OutputCommitter committer(TaskAttemptContext attempt) {
        throw new UnsupportedOperationException("tests do not commit");
    }
}
