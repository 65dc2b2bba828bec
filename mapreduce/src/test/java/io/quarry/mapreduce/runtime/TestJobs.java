package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Arrays;

/** Mappers, reducers and comparators the runtime tests run. */
final class TestJobs {
    private TestJobs() {
    }

    /** Sums LongValue values per key; a combiner and a reducer. */
    public static final class SumReducer extends Reducer<Object, LongValue, Object, LongValue> {
        private final LongValue sum = new LongValue();

        @Override
        public void reduce(Object key, Iterable<LongValue> values, TaskContext<Object, LongValue> context)
                throws IOException, InterruptedException {
            long total = 0;
            for (LongValue value : values) {
                total += value.get();
            }
            context.write(key, sum.set(total));
        }
    }

    /** Fails on the record whose value is the long 13. */
    public static final class FailingMapper extends Mapper<Object, Object, Object, Object> {
        @Override
        public void map(Object key, Object value, TaskContext<Object, Object> context) throws IOException, InterruptedException {
            if (value instanceof LongValue v && v.get() == 13) {
                throw new IllegalStateException("bad record 13");
            }
            context.write(key, value);
        }
    }

    /** A combiner that fails on its first group (it runs on the spill thread). */
    public static final class FailingCombiner extends Reducer<Object, Object, Object, Object> {
        @Override
        public void reduce(Object key, Iterable<Object> values, TaskContext<Object, Object> context) {
            throw new UnsupportedOperationException("combiner cannot handle " + key);
        }
    }

    /** Fails on the first group. */
    public static final class FailingReducer extends Reducer<Object, Object, Object, Object> {
        @Override
        public void reduce(Object key, Iterable<Object> values, TaskContext<Object, Object> context) {
            throw new IllegalArgumentException("reducer cannot handle " + key);
        }
    }

    /**
     * Secondary sort: keys are {@code group|seq}; one reduce call per group, values in seq order.
     * Writes (group, "seq,seq,...") and checks the key follows each value.
     */
    public static final class ConcatReducer extends Reducer<Text, LongValue, Text, Text> {
        @Override
        public void reduce(Text key, Iterable<LongValue> values, TaskContext<Text, Text> context)
                throws IOException, InterruptedException {
            String group = key.toString().substring(0, key.toString().indexOf('|'));
            StringBuilder seqs = new StringBuilder();
            for (LongValue value : values) {
                String expectedKey = group + "|" + String.format("%06d", value.get());
                if (!key.toString().equals(expectedKey)) {
                    throw new IllegalStateException("key " + key + " does not follow value " + value);
                }
                seqs.append(seqs.length() == 0 ? "" : ",").append(value.get());
            }
            context.write(new Text(group), new Text(seqs.toString()));
        }
    }

    /** Orders Text keys by the bytes before the first '|'. */
    public static final class GroupPrefixComparator implements RawComparator {
        @Override
        public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
            return Arrays.compareUnsigned(left, leftOffset, leftOffset + prefix(left, leftOffset, leftLength),
                    right, rightOffset, rightOffset + prefix(right, rightOffset, rightLength));
        }

        private static int prefix(byte[] b, int offset, int length) {
            for (int i = 0; i < length; i++) {
                if (b[offset + i] == '|') {
                    return i;
                }
            }
            return length;
        }
    }
}
