package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import java.util.List;

/** Reads {@link GeneratedSplit}s; tests hand the splits to the tasks directly. */
public final class GeneratedInputFormat implements InputFormat<Object, Object> {

    @Override
    public List<InputSplit> splits(JobContext job) {
        throw new UnsupportedOperationException("tests pass GeneratedSplits to the tasks");
    }

    @Override
    public RecordReader<Object, Object> createRecordReader(InputSplit split, TaskAttemptContext context) {
        GeneratedSplit generated = (GeneratedSplit) split;
        return new RecordReader<>() {
            private long next;
            private Object[] current;

            @Override
            public boolean nextKeyValue() {
                if (next >= generated.count()) {
                    return false;
                }
                current = generated.records().apply(next++);
                return true;
            }

            @Override
            public Object currentKey() {
                return current[0];
            }

            @Override
            public Object currentValue() {
                return current[1];
            }

            @Override
            public float progress() {
                return generated.count() == 0 ? 1f : (float) next / generated.count();
            }

            @Override
            public String position() {
                return generated.name() + " at record " + (next - 1);
            }

            @Override
            public void close() {
            }
        };
    }
}
