package io.quarry.scheduler.shuffle;

import java.util.List;
import java.util.Random;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;

/** Test input: each {@link Split} yields {@code records} (Text key, LongValue value) pairs drawn from its seed. */
public final class SeededInputFormat implements InputFormat<Text, LongValue> {

    /** {@code records} pairs with keys among {@code distinctKeys}, padded to make segments of some size. */
    record Split(String name, long seed, int records, int distinctKeys) implements InputSplit {
        @Override
        public long length() {
            return records;
        }

        @Override
        public List<String> locations() {
            return List.of();
        }
    }

    @Override
    public List<InputSplit> splits(JobContext job) {
        throw new UnsupportedOperationException("tests hand splits to the map tasks");
    }

    @Override
    public RecordReader<Text, LongValue> createRecordReader(InputSplit split, TaskAttemptContext context) {
        Split seeded = (Split) split;
        Random random = new Random(seeded.seed());
        Text key = new Text();
        LongValue value = new LongValue();
        return new RecordReader<>() {
            private int next;

            @Override
            public boolean nextKeyValue() {
                if (next >= seeded.records()) {
                    return false;
                }
                next++;
                key.set("key-" + random.nextInt(seeded.distinctKeys()) + "-" + "x".repeat(random.nextInt(40)));
                value.set(random.nextInt(1000) - 500);
                return true;
            }

            @Override
            public Text currentKey() {
                return key;
            }

            @Override
            public LongValue currentValue() {
                return value;
            }

            @Override
            public float progress() {
                return seeded.records() == 0 ? 1f : (float) next / seeded.records();
            }

            @Override
            public void close() {
            }
        };
    }
}
