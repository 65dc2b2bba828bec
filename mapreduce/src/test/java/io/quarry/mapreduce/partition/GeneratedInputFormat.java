package io.quarry.mapreduce.partition;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.Configurable;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test input: {@code quarry.job.generated.splits} splits of {@code quarry.job.generated.records}
 * seeded random long keys each, uniform over all longs or over {@code quarry.job.generated.distinct}
 * values when that is set.
 */
public final class GeneratedInputFormat implements InputFormat<LongValue, NullValue>, Configurable {
    static final String SPLITS = "quarry.job.generated.splits";
    static final String RECORDS = "quarry.job.generated.records";
    static final String DISTINCT = "quarry.job.generated.distinct";
    static final String SEED = "quarry.job.generated.seed";

    private int splits;
    private int records;
    private int distinct;
    private long seed;

    record GeneratedSplit(int index, int records, int distinct, long seed) implements InputSplit {
        @Override
        public long length() {
            return records * 8L;
        }

        @Override
        public List<String> locations() {
            return List.of();
        }
    }

    @Override
    public void configure(Configuration conf) {
        splits = Integer.parseInt(conf.get(SPLITS));
        records = Integer.parseInt(conf.get(RECORDS));
        distinct = conf.get(DISTINCT) == null ? 0 : Integer.parseInt(conf.get(DISTINCT));
        seed = Long.parseLong(conf.get(SEED));
    }

    @Override
    public List<InputSplit> splits(JobContext job) {
        List<InputSplit> result = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            result.add(new GeneratedSplit(i, records, distinct, seed + i));
        }
        return result;
    }

    @Override
    public RecordReader<LongValue, NullValue> createRecordReader(InputSplit split, TaskAttemptContext context) {
        GeneratedSplit generated = (GeneratedSplit) split;
        Random random = new Random(generated.seed());
        LongValue key = new LongValue();
        return new RecordReader<>() {
            private int read;

            @Override
            public boolean nextKeyValue() {
                if (read == generated.records()) {
                    return false;
                }
                read++;
                key.set(generated.distinct() > 0 ? random.nextInt(generated.distinct()) * 1000L : random.nextLong());
                return true;
            }

            @Override
            public LongValue currentKey() {
                return key;
            }

            @Override
            public NullValue currentValue() {
                return NullValue.INSTANCE;
            }

            @Override
            public float progress() {
                return read / (float) generated.records();
            }

            @Override
            public String position() {
                return "generated split " + generated.index() + " record " + read;
            }

            @Override
            public void close() {
            }
        };
    }
}
