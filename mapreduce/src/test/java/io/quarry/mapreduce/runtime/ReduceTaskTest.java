package io.quarry.mapreduce.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.HashPartitioner;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReduceTaskTest {
    private static final int MAPS = 4;
    private static final int REDUCES = 3;

    @TempDir
    Path dir;

    /** Small buffers everywhere: many spills, multi-pass merges, shuffle merges on disk. */
    private static Configuration squeezed(Class<?> keyClass) {
        return TestJobRunner.baseConf()
                .with(MapReduceConfigKeys.NUM_REDUCES, Integer.toString(REDUCES))
                .with(MapReduceConfigKeys.SORT_MB, "1")
                .with(MapReduceConfigKeys.SORT_FACTOR, "3")
                .with(MapReduceConfigKeys.SHUFFLE_MEMORY, "64k")
                .with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, keyClass.getName())
                .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, LongValue.class.getName())
                .with(MapReduceConfigKeys.REDUCER_CLASS, TestJobs.SumReducer.class.getName());
    }

    /**
     * Random records with keys from {@code keyOf(random int)} summed per key by the job, checked
     * against a TreeMap: every reducer's keys ascend, sit in their hash partition, and together
     * give exactly the reference sums.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <K> void sumsMatchReference(String name, Class<K> keyClass, Function<Integer, K> keyOf, Comparator<K> order,
            boolean combiner) throws Exception {
        sumsMatchReference(name, keyClass, keyOf, order, combiner, 25_000, false);
    }

    private <K> void sumsMatchReference(String name, Class<K> keyClass, Function<Integer, K> keyOf, Comparator<K> order,
            boolean combiner, int maxPerMap, boolean streamed) throws Exception {
        long seed = Seeds.seed(name);
        Random random = new Random(seed);
        int distinct = 1 + random.nextInt(20_000);
        List<GeneratedSplit> splits = new ArrayList<>();
        TreeMap<K, Long> expected = new TreeMap<>(order);
        for (int m = 0; m < MAPS; m++) {
            List<Object[]> records = new ArrayList<>();
            int count = m == 1 ? 0 : random.nextInt(maxPerMap);
            for (int i = 0; i < count; i++) {
                K key = keyOf.apply(random.nextInt(distinct));
                long value = random.nextInt(1000) - 500;
                records.add(new Object[] {key, new LongValue(value)});
                expected.merge(key, value, Long::sum);
            }
            splits.add(GeneratedSplit.of(name + "-" + m, records));
        }
        Configuration conf = squeezed(keyClass);
        if (combiner) {
            conf = conf.with(MapReduceConfigKeys.COMBINER_CLASS, TestJobs.SumReducer.class.getName());
        }
        TestJobRunner.Result result = TestJobRunner.run(conf, splits, dir.resolve(name), streamed);

        HashPartitioner partitioner = new HashPartitioner();
        TreeMap<K, Long> actual = new TreeMap<>(order);
        for (int r = 0; r < REDUCES; r++) {
            K previous = null;
            for (Object[] record : result.outputs().get(r)) {
                K key = (K) record[0];
                assertThat(partitioner.partition(key, null, REDUCES)).as("partition of %s (seed %s)", key, seed).isEqualTo(r);
                if (previous != null) {
                    assertThat(order.compare(previous, key)).as("%s before %s (seed %s)", previous, key, seed).isLessThan(0);
                }
                previous = key;
                actual.put(key, ((LongValue) record[1]).get());
            }
        }
        assertThat(actual).as("seed %s", seed).isEqualTo(expected);
        assertThat(result.reduceCounters().value(TaskCounter.REDUCE_INPUT_GROUPS)).isEqualTo(expected.size());
        assertThat(result.reduceCounters().value(TaskCounter.REDUCE_OUTPUT_RECORDS)).isEqualTo(expected.size());
        assertThat(result.reduceCounters().value(TaskCounter.SHUFFLED_MAPS)).isEqualTo((long) MAPS * REDUCES);
        long shuffled = result.reduceCounters().value(TaskCounter.REDUCE_INPUT_RECORDS);
        long mapOutput = combiner ? result.mapCounters().value(TaskCounter.COMBINE_OUTPUT_RECORDS)
                : result.mapCounters().value(TaskCounter.MAP_OUTPUT_RECORDS);
        if (!combiner) {
            assertThat(shuffled).isEqualTo(mapOutput);
        }
        assertThat(result.reduceCounters().value(TaskCounter.REDUCE_SHUFFLE_BYTES))
                .isEqualTo(result.mapCounters().value(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES));
    }

    @Test
    void textKeysReduceToTheReferenceSums() throws Exception {
        sumsMatchReference("textKeys", Text.class, i -> new Text("key-" + Integer.toString(i * 7919, 36)),
                Comparator.naturalOrder(), false, 25_000, true);
    }

    @Test
    void longValueKeysWithCombinerReduceToTheReferenceSums() throws Exception {
        sumsMatchReference("longValueKeys", LongValue.class, i -> new LongValue((long) i * 1_000_003 - 5_000_000_000L),
                Comparator.naturalOrder(), true);
    }

    @Test
    void plainLongKeysSortNegativesFirst() throws Exception {
        sumsMatchReference("longKeys", Long.class, i -> (long) (i - 10_000) * 977, Comparator.naturalOrder(), false);
    }

    @Test
    void stringKeysReduceToTheReferenceSums() throws Exception {
        sumsMatchReference("stringKeys", String.class, i -> "s\u00e9" + (i * 31 % 10_007), Comparator.naturalOrder(), true,
                25_000, true);
    }

    @Test
    void kryoComparableKeysSortByCompareTo() throws Exception {
        // Keys that deserialize for every comparison: fewer records keep the test quick.
        sumsMatchReference("kryoKeys", TestPoint.class, i -> new TestPoint(i % 97 - 40, "p" + i), Comparator.naturalOrder(),
                false, 10_000, false);
    }

    @Test
    void shuffleLargerThanItsMemoryMergesOnDisk() throws Exception {
        int maps = 12;
        List<GeneratedSplit> splits = new ArrayList<>();
        long total = 0;
        for (int m = 0; m < maps; m++) {
            int base = m;
            int count = m == maps - 1 ? 30_000 : 2_000;
            total += count;
            splits.add(new GeneratedSplit("m" + m, count, i -> new Object[] {new Text("k" + (i * maps + base)), new LongValue(1)}));
        }
        // Small segments (about 30 KiB) are held in memory until 200 KiB fill up; the large one goes straight to disk.
        Configuration conf = squeezed(Text.class).with(MapReduceConfigKeys.NUM_REDUCES, "1")
                .with(MapReduceConfigKeys.SHUFFLE_MEMORY, "200k");
        TestJobRunner.Result result = TestJobRunner.run(conf, splits, dir, true);

        List<Object[]> output = result.outputs().get(0);
        assertThat(output).hasSize((int) total);
        assertThat(output).allSatisfy(r -> assertThat(((LongValue) r[1]).get()).isEqualTo(1));
        for (int i = 1; i < output.size(); i++) {
            assertThat(((Text) output.get(i - 1)[0]).compareTo((Text) output.get(i)[0])).isLessThan(0);
        }
        assertThat(result.reduceCounters().value(TaskCounter.SPILLED_RECORDS))
                .as("in-memory segments merged to disk, then merged again in passes of 3")
                .isGreaterThan(total - 30_000);
    }

    @Test
    void localMapOutputIsMergedInPlaceWithoutCopies() throws Exception {
        List<GeneratedSplit> splits = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            int base = m;
            splits.add(new GeneratedSplit("m" + m, 20_000, i -> new Object[] {new Text("k" + (i * 3 + base)), new LongValue(1)}));
        }
        Configuration conf = squeezed(Text.class).with(MapReduceConfigKeys.NUM_REDUCES, "1");
        TestJobRunner.Result result = TestJobRunner.run(conf, splits, dir);

        List<Object[]> output = result.outputs().get(0);
        assertThat(output).hasSize(60_000);
        for (int i = 1; i < output.size(); i++) {
            assertThat(((Text) output.get(i - 1)[0]).compareTo((Text) output.get(i)[0])).isLessThan(0);
        }
        assertThat(result.reduceCounters().value(TaskCounter.SPILLED_RECORDS)).as("nothing written on the reduce side").isZero();
        assertThat(result.reduceProgress()).containsExactly(1f);
        assertThat(result.reduceCounters().value(TaskCounter.REDUCE_SHUFFLE_BYTES))
                .isEqualTo(result.mapCounters().value(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES));
    }

    @Test
    void groupingComparatorGivesOneCallPerGroupWithValuesInSecondaryOrder() throws Exception {
        long seed = Seeds.seed("groupingComparatorGivesOneCallPerGroupWithValuesInSecondaryOrder");
        Random random = new Random(seed);
        TreeMap<String, List<Long>> expected = new TreeMap<>();
        List<Object[]> records = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            String group = String.format("g%03d", random.nextInt(300));
            long seq = random.nextInt(1_000_000);
            records.add(new Object[] {new Text(group + "|" + String.format("%06d", seq)), new LongValue(seq)});
            expected.computeIfAbsent(group, g -> new ArrayList<>()).add(seq);
        }
        Configuration conf = TestJobRunner.baseConf()
                .with(MapReduceConfigKeys.NUM_REDUCES, "1")
                .with(MapReduceConfigKeys.SORT_MB, "1")
                .with(MapReduceConfigKeys.MAP_OUTPUT_KEY_CLASS, Text.class.getName())
                .with(MapReduceConfigKeys.MAP_OUTPUT_VALUE_CLASS, LongValue.class.getName())
                .with(MapReduceConfigKeys.GROUPING_COMPARATOR_CLASS, TestJobs.GroupPrefixComparator.class.getName())
                .with(MapReduceConfigKeys.REDUCER_CLASS, TestJobs.ConcatReducer.class.getName());
        List<GeneratedSplit> splits = List.of(GeneratedSplit.of("a", records.subList(0, 15_000)),
                GeneratedSplit.of("b", records.subList(15_000, 30_000)));
        TestJobRunner.Result result = TestJobRunner.run(conf, splits, dir);

        List<Object[]> output = result.outputs().get(0);
        assertThat(output).hasSize(expected.size());
        int i = 0;
        for (var entry : expected.entrySet()) {
            List<Long> seqs = new ArrayList<>(entry.getValue());
            seqs.sort(null);
            assertThat(output.get(i)[0]).hasToString(entry.getKey());
            assertThat(output.get(i)[1]).as("values of %s (seed %s)", entry.getKey(), seed)
                    .hasToString(String.join(",", seqs.stream().map(String::valueOf).toList()));
            i++;
        }
        assertThat(result.reduceCounters().value(TaskCounter.REDUCE_INPUT_GROUPS)).isEqualTo(expected.size());
        assertThat(result.reduceCounters().value(TaskCounter.REDUCE_INPUT_RECORDS)).isEqualTo(30_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd"})
    void compressedMapOutputGivesTheSameResultInFewerBytes(String codec) throws Exception {
        List<GeneratedSplit> splits = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            int base = m;
            int count = m == 4 ? 40_000 : 3_000;
            splits.add(new GeneratedSplit("m" + m, count,
                    i -> new Object[] {new Text("compressible-key-" + (i * 5 + base) % 7_000), new LongValue(i)}));
        }
        Configuration plain = squeezed(Text.class).with(MapReduceConfigKeys.SHUFFLE_MEMORY, "300k");
        TestJobRunner.Result expected = TestJobRunner.run(plain, splits, dir.resolve("plain"));
        Configuration compressing = plain.with(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS, "true")
                .with(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS_CODEC, codec);
        TestJobRunner.Result compressed = TestJobRunner.run(compressing, splits, dir.resolve(codec), true);
        TestJobRunner.Result inPlace = TestJobRunner.run(compressing, splits, dir.resolve(codec + "-local"), false);
        assertSameOutputs(compressed, expected);
        assertSameOutputs(inPlace, expected);
        assertThat(MapOutputIndex.read(compressed.mapOutputs().get(0).indexFile()).codec()).isEqualTo(codec);
        assertThat(compressed.mapCounters().value(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES))
                .isLessThan(expected.mapCounters().value(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES) / 2);
        assertThat(compressed.reduceCounters().value(TaskCounter.REDUCE_SHUFFLE_BYTES))
                .isEqualTo(compressed.mapCounters().value(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES));
    }

    private static void assertSameOutputs(TestJobRunner.Result actual, TestJobRunner.Result expected) {
        assertThat(actual.outputs()).hasSameSizeAs(expected.outputs());
        for (int r = 0; r < expected.outputs().size(); r++) {
            List<Object[]> want = expected.outputs().get(r);
            List<Object[]> got = actual.outputs().get(r);
            assertThat(got).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                assertThat(got.get(i)).as("reducer %d record %d", r, i).containsExactly(want.get(i));
            }
        }
    }

    @Test
    void emptyInputRunsEveryReducerWithNoGroups() throws Exception {
        Configuration conf = squeezed(Text.class);
        TestJobRunner.Result result = TestJobRunner.run(conf,
                List.of(GeneratedSplit.of("e0", List.of()), GeneratedSplit.of("e1", List.of())), dir);

        assertThat(result.outputs()).hasSize(REDUCES).allSatisfy(out -> assertThat(out).isEmpty());
        assertThat(result.reduceCounters().value(TaskCounter.REDUCE_INPUT_GROUPS)).isZero();
    }

    @Test
    void reducerOfAJobWithoutMapsRunsWithNoGroups() throws Exception {
        TaskAttemptContext attempt = TestJobRunner.attempt(TestJobRunner.job(squeezed(Text.class)), TaskType.REDUCE, 0);
        new ReduceTask(attempt, 0, new LocalMapOutputFetcher(List.of()), dir.resolve("r")).run();

        String id = attempt.taskAttemptId().toString();
        assertThat(CollectingOutputFormat.closed(id)).isTrue();
        assertThat(CollectingOutputFormat.take(id)).isEmpty();
    }

    @Test
    void failingReducerFailsTheTaskNamingTheAttempt() throws Exception {
        Configuration conf = squeezed(Text.class).with(MapReduceConfigKeys.REDUCER_CLASS, TestJobs.FailingReducer.class.getName())
                .with(MapReduceConfigKeys.NUM_REDUCES, "1");
        List<Object[]> records = List.<Object[]>of(new Object[] {new Text("x"), new LongValue(1)});
        TestJobRunner.Result maps = TestJobRunner.run(conf.with(MapReduceConfigKeys.NUM_REDUCES, "1")
                .with(MapReduceConfigKeys.REDUCER_CLASS, TestJobs.SumReducer.class.getName()), List.of(GeneratedSplit.of("x", records)),
                dir.resolve("first"));
        TaskAttemptContext attempt = TestJobRunner.attempt(TestJobRunner.job(conf), TaskType.REDUCE, 0);
        ReduceTask task = new ReduceTask(attempt, 1, new LocalMapOutputFetcher(maps.mapOutputs()), dir.resolve("r"));

        assertThatThrownBy(task::run)
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining(attempt.taskAttemptId().toString())
                .hasMessageContaining("reducer cannot handle x")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(CollectingOutputFormat.closed(attempt.taskAttemptId().toString())).as("writer closed").isTrue();
    }
}
