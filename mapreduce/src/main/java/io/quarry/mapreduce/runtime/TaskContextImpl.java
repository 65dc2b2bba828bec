package io.quarry.mapreduce.runtime;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.input.InputSplit;
import java.io.IOException;
import java.util.Objects;

/**
 * The {@link TaskContext} handed to mappers, reducers and combiners: records go to a
 * {@link RecordSink}, counters to the given set (the attempt's, or the spill thread's own).
 */
final class TaskContextImpl<K, V> implements TaskContext<K, V> {
    private final TaskAttemptContext attempt;
    private final Counters counters;
    private final InputSplit split;
    private final RecordSink<K, V> sink;

    TaskContextImpl(TaskAttemptContext attempt, Counters counters, InputSplit split, RecordSink<K, V> sink) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.split = split;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void write(K key, V value) throws IOException, InterruptedException {
        sink.write(key, value);
    }

    @Override
    public Counter counter(Enum<?> name) {
        return counters.counter(name);
    }

    @Override
    public Counter counter(String group, String name) {
        return counters.counter(group, name);
    }

    @Override
    public Configuration configuration() {
        return attempt.configuration();
    }

    @Override
    public TaskAttemptId taskAttemptId() {
        return attempt.taskAttemptId();
    }

    @Override
    public InputSplit inputSplit() {
        if (split == null) {
            throw new IllegalStateException("a reduce task has no input split (" + attempt.taskAttemptId() + ")");
        }
        return split;
    }

    @Override
    public void progress() {
        attempt.touch();
    }

    @Override
    public void setStatus(String status) {
        attempt.setStatus(status);
    }
}
