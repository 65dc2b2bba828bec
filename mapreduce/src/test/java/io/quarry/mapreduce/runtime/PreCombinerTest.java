package io.quarry.mapreduce.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The combining table in front of the sort buffer changes how much is sorted, never the result. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PreCombinerTest {
    @TempDir
    Path dir;

    /** A valid but wasteful sum combiner: emits the sum and a zero, so combining in place cannot keep one value. */
    public static final class SumAndZeroCombiner extends Reducer<Object, LongValue, Object, LongValue> {
        private final LongValue out = new LongValue();

        @Override
        public void reduce(Object key, Iterable<LongValue> values, TaskContext<Object, LongValue> context)
                throws IOException, InterruptedException {
            long sum = 0;
            for (LongValue value : values) {
                sum += value.get();
            }
            context.write(key, out.set(sum));
            context.write(key, out.set(0));
        }
    }

    private static List<GeneratedSplit> zipfWords(long seed, int splits, int perSplit) {
        Random random = new Random(seed);
        List<GeneratedSplit> result = new ArrayList<>();
        for (int s = 0; s < splits; s++) {
            List<Object[]> records = new ArrayList<>();
            for (int i = 0; i < perSplit; i++) {
                // Skewed: a few hot words, many cold ones.
                int rank = (int) Math.min(5_000, Math.floor(1 / (random.nextDouble() + 1e-4)));
                records.add(new Object[] {new Text("w" + rank), new LongValue(1 + random.nextInt(3))});
            }
            result.add(GeneratedSplit.of("words" + s, records));
        }
        return result;
    }

    private static Configuration job(String tableSize, Class<?> combiner) {
        return TestJobRunner.baseConf()
                .with(MapReduceConfigKeys.NUM_REDUCES, "3")
                .with(MapReduceConfigKeys.SORT_MB, "1")
                .with(MapReduceConfigKeys.COMBINE_TABLE_SIZE, tableSize)
                .with(MapReduceConfigKeys.COMBINER_CLASS, combiner.getName())
                .with(MapReduceConfigKeys.REDUCER_CLASS, TestJobs.SumReducer.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, Text.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, LongValue.class.getName());
    }

    private static Map<String, Long> sums(TestJobRunner.Result result) {
        Map<String, Long> sums = new TreeMap<>();
        for (Object[] record : result.allOutput()) {
            assertThat(sums.put(record[0].toString(), ((LongValue) record[1]).get())).as("key %s twice", record[0]).isNull();
        }
        return sums;
    }

    private static Map<String, Long> reference(List<GeneratedSplit> splits) {
        Map<String, Long> sums = new TreeMap<>();
        for (GeneratedSplit split : splits) {
            for (long i = 0; i < split.count(); i++) {
                Object[] record = split.records().apply(i);
                sums.merge(record[0].toString(), ((LongValue) record[1]).get(), Long::sum);
            }
        }
        return sums;
    }

    @Test
    void tablesOfAnySizeGiveTheSameSumsAsNoTable() throws Exception {
        long seed = Seeds.seed("tablesOfAnySizeGiveTheSameSumsAsNoTable");
        List<GeneratedSplit> splits = zipfWords(seed, 3, 60_000);
        Map<String, Long> expected = reference(splits);

        TestJobRunner.Result without = TestJobRunner.run(job("0", TestJobs.SumReducer.class), splits, dir.resolve("none"));
        TestJobRunner.Result tiny = TestJobRunner.run(job("4k", TestJobs.SumReducer.class), splits, dir.resolve("tiny"));
        TestJobRunner.Result large = TestJobRunner.run(job("16m", TestJobs.SumReducer.class), splits, dir.resolve("large"));

        assertThat(sums(without)).isEqualTo(expected);
        assertThat(sums(tiny)).isEqualTo(expected);
        assertThat(sums(large)).isEqualTo(expected);
        for (TestJobRunner.Result result : List.of(without, tiny, large)) {
            assertThat(result.mapCounters().value(TaskCounter.MAP_OUTPUT_RECORDS)).isEqualTo(180_000);
        }
        // Combining before the sort leaves far fewer records to spill than combining only on spill.
        assertThat(large.mapCounters().value(TaskCounter.SPILLED_RECORDS))
                .isLessThanOrEqualTo(without.mapCounters().value(TaskCounter.SPILLED_RECORDS));
        assertThat(large.mapCounters().value(TaskCounter.COMBINE_INPUT_RECORDS)).isGreaterThanOrEqualTo(180_000);
    }

    @Test
    void aCombinerEmittingSeveralRecordsPerKeyStillSumsCorrectly() throws Exception {
        long seed = Seeds.seed("aCombinerEmittingSeveralRecordsPerKeyStillSumsCorrectly");
        List<GeneratedSplit> splits = zipfWords(seed, 2, 40_000);

        TestJobRunner.Result result = TestJobRunner.run(job("8k", SumAndZeroCombiner.class), splits, dir.resolve("two"));

        assertThat(sums(result)).isEqualTo(reference(splits));
    }
}
