package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import java.io.IOException;
import java.util.Objects;

/**
 * Runs the job's combiner over one sorted run of map output (a partition of a spill or of the
 * final merge) and writes what it emits to a segment. One instance per thread: it owns its
 * serdes and comparator, and counts into the counters it is given.
 */
final class CombinerRunner {
    private final TaskAttemptContext attempt;
    private final Counters counters;
    private final InputSplit split;
    @SuppressWarnings("rawtypes")
    private final Class<? extends Reducer> combinerClass;
    private final RawComparator comparator;
    private final Serde<Object> keySerde;
    private final Serde<Object> valueSerde;
    private final OutputBuffer keyBuffer = new OutputBuffer(256);
    private final OutputBuffer valueBuffer = new OutputBuffer(256);
    private final Counter inputRecords;
    private final Counter outputRecords;

    @SuppressWarnings({"rawtypes", "unchecked"})
    CombinerRunner(TaskAttemptContext attempt, Counters counters, InputSplit split, Class<? extends Reducer> combinerClass) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.split = split;
        this.combinerClass = Objects.requireNonNull(combinerClass, "combinerClass");
        this.comparator = attempt.sortComparator();
        this.keySerde = (Serde<Object>) Serdes.forClass(attempt.mapOutputKeyClass());
        this.valueSerde = (Serde<Object>) Serdes.forClass(attempt.mapOutputValueClass());
        this.inputRecords = counters.counter(TaskCounter.COMBINE_INPUT_RECORDS);
        this.outputRecords = counters.counter(TaskCounter.COMBINE_OUTPUT_RECORDS);
    }

    /** Combines {@code sorted} (closing it) into the current segment of {@code out}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    void combine(RawRecordIterator sorted, SegmentWriter out) throws IOException, InterruptedException {
        Reducer combiner = attempt.newInstance(combinerClass);
        TaskContextImpl<Object, Object> context = new TaskContextImpl<>(attempt, counters, split, (key, value) -> {
            keyBuffer.reset();
            keySerde.write(key, keyBuffer);
            valueBuffer.reset();
            valueSerde.write(value, valueBuffer);
            out.append(keyBuffer.bytes(), 0, keyBuffer.length(), valueBuffer.bytes(), 0, valueBuffer.length());
            outputRecords.increment();
        });
        try (sorted) {
            new GroupingReduceRunner<>(sorted, comparator, keySerde, valueSerde, null, inputRecords).run(combiner, context);
        }
    }
}
