package io.quarry.mapreduce.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.HashPartitioner;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MapTaskTest {
    @TempDir
    Path dir;

    private static Configuration textLongJob(int reduces) {
        return TestJobRunner.baseConf()
                .with(MapReduceConfigKeys.NUM_REDUCES, Integer.toString(reduces))
                .with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, Text.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, LongValue.class.getName());
    }

    private static Configuration longTextJob(int reduces, int sortMb) {
        return TestJobRunner.baseConf()
                .with(MapReduceConfigKeys.NUM_REDUCES, Integer.toString(reduces))
                .with(MapReduceConfigKeys.SORT_MB, Integer.toString(sortMb))
                .with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, LongValue.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, Text.class.getName());
    }

    /** {@code count} records with distinct LongValue keys in scrambled order and Text values. */
    private static GeneratedSplit uniqueLongKeys(long count) {
        return new GeneratedSplit("unique", count, i -> new Object[] {
            new LongValue((i * 0x9E3779B97F4A7C15L) ^ 0x5DEECE66DL), new Text("v" + i)});
    }

    private MapOutput runMap(Configuration conf, GeneratedSplit split, String name, Counters into)
            throws IOException, InterruptedException {
        TaskAttemptContext attempt = TestJobRunner.attempt(TestJobRunner.job(conf), TaskType.MAP, 0);
        MapOutput output = new MapTask(attempt, split, dir.resolve(name)).run();
        into.add(attempt.counters());
        return output;
    }

    /** Reads partition {@code p} of a map output as (key bytes, value bytes) pairs. */
    private static List<byte[][]> readPartition(MapOutput output, int p) throws IOException {
        List<byte[][]> records = new ArrayList<>();
        try (LocalMapOutputFetcher fetcher = new LocalMapOutputFetcher(List.of(output))) {
            FetchedSegment segment = fetcher.fetch(0, p);
            try (SegmentReader reader = new SegmentReader(segment.stream(), 4096, "test")) {
                while (reader.next()) {
                    records.add(new byte[][] {
                        Arrays.copyOfRange(reader.keyBytes(), reader.keyOffset(), reader.keyOffset() + reader.keyLength()),
                        Arrays.copyOfRange(reader.valueBytes(), reader.valueOffset(), reader.valueOffset() + reader.valueLength())});
                }
            }
        }
        return records;
    }

    @Test
    void mapOutputIsSortedByPartitionThenKey() throws Exception {
        long seed = Seeds.seed("mapOutputIsSortedByPartitionThenKey");
        Random random = new Random(seed);
        List<Object[]> input = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            input.add(new Object[] {new Text(Long.toString(random.nextLong(1_000_000), 36)), new LongValue(i)});
        }
        Counters counters = new Counters();
        MapOutput output = runMap(textLongJob(3), GeneratedSplit.of("words", input), "m", counters);

        Serde<Text> serde = Serdes.forClass(Text.class);
        HashPartitioner<Text, LongValue> partitioner = new HashPartitioner<>();
        int total = 0;
        for (int p = 0; p < 3; p++) {
            byte[] previous = null;
            for (byte[][] record : readPartition(output, p)) {
                Text key = serde.read(record[0], 0, record[0].length, null);
                assertThat(partitioner.partition(key, null, 3)).as("partition of %s", key).isEqualTo(p);
                if (previous != null) {
                    assertThat(Arrays.compareUnsigned(previous, record[0])).as("order at %s", key).isLessThanOrEqualTo(0);
                }
                previous = record[0];
                total++;
            }
        }
        assertThat(total).isEqualTo(20_000);
        assertThat(counters.value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(20_000);
        assertThat(counters.value(TaskCounter.MAP_OUTPUT_RECORDS)).isEqualTo(20_000);
        assertThat(counters.value(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES)).isEqualTo(Files.size(output.dataFile()));
        assertThat(MapOutputIndex.read(output.indexFile()).partitions()).isEqualTo(3);
    }

    @Test
    void tinyBufferWithManySpillsWritesTheSameOutputAsOneLargeBuffer() throws Exception {
        int records = 300_000;
        Counters small = new Counters();
        MapOutput spilled = runMap(longTextJob(4, 1), uniqueLongKeys(records), "small", small);
        Counters large = new Counters();
        MapOutput single = runMap(longTextJob(4, 64), uniqueLongKeys(records), "large", large);

        assertThat(large.value(TaskCounter.SPILLED_RECORDS)).as("one spill, renamed").isEqualTo(records);
        assertThat(small.value(TaskCounter.SPILLED_RECORDS)).as("many spills, then the merge").isEqualTo(2L * records);
        assertThat(Files.readAllBytes(spilled.dataFile())).isEqualTo(Files.readAllBytes(single.dataFile()));
        assertThat(MapOutputIndex.read(spilled.indexFile())).isEqualTo(MapOutputIndex.read(single.indexFile()));
        assertThat(Files.list(spilled.dataFile().getParent()).map(p -> p.getFileName().toString()))
                .as("spill files removed").containsExactlyInAnyOrder("file.out", "file.out.index");
    }

    @Test
    void mergesInSeveralPassesWhenSpillsExceedTheSortFactor() throws Exception {
        int records = 150_000;
        Counters wide = new Counters();
        MapOutput onePass = runMap(longTextJob(2, 1), uniqueLongKeys(records), "wide", wide);
        Counters narrow = new Counters();
        MapOutput passes = runMap(longTextJob(2, 1).with(MapReduceConfigKeys.SORT_FACTOR, "3"), uniqueLongKeys(records),
                "narrow", narrow);

        assertThat(wide.value(TaskCounter.SPILLED_RECORDS)).isEqualTo(2L * records);
        assertThat(narrow.value(TaskCounter.SPILLED_RECORDS)).as("intermediate passes write records again")
                .isGreaterThan(3L * records);
        assertThat(Files.readAllBytes(passes.dataFile())).isEqualTo(Files.readAllBytes(onePass.dataFile()));
        assertThat(Files.list(passes.dataFile().getParent())).as("temporary merge files removed").hasSize(2);
    }

    @Test
    void combinerRunsOnEverySpillAndAgainWhenMergingThreeOrMore() throws Exception {
        long seed = Seeds.seed("combinerRunsOnEverySpillAndAgainWhenMergingThreeOrMore");
        Random random = new Random(seed);
        int records = 200_000;
        String[] words = new String[2_000];
        for (int i = 0; i < words.length; i++) {
            words[i] = "w" + Integer.toString(random.nextInt(), 36) + i;
        }
        int[] picks = new int[records];
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < records; i++) {
            picks[i] = random.nextInt(words.length);
            expected.merge(words[picks[i]], 1L, Long::sum);
        }
        Configuration conf = textLongJob(2).with(MapReduceConfigKeys.SORT_MB, "1")
                .with(MapReduceConfigKeys.SPILL_PERCENT, "0.05")
                .with(MapReduceConfigKeys.COMBINER_CLASS, TestJobs.SumReducer.class.getName());
        Counters counters = new Counters();
        MapOutput output = runMap(conf, new GeneratedSplit("words", records,
                i -> new Object[] {new Text(words[picks[(int) i]]), new LongValue(1)}), "m", counters);

        long combineIn = counters.value(TaskCounter.COMBINE_INPUT_RECORDS);
        long combineOut = counters.value(TaskCounter.COMBINE_OUTPUT_RECORDS);
        assertThat(combineIn).as("every record goes through the spill combiner, then spill output again at merge")
                .isGreaterThan(records);
        assertThat(combineOut).isLessThan(combineIn);
        Map<String, Long> actual = new HashMap<>();
        for (int p = 0; p < 2; p++) {
            Set<String> seen = new HashSet<>();
            for (byte[][] record : readPartition(output, p)) {
                String word = new String(record[0], java.nio.charset.StandardCharsets.UTF_8);
                assertThat(seen.add(word)).as("%s combined once more at merge", word).isTrue();
                actual.merge(word, Serdes.forClass(LongValue.class).read(record[1], 0, record[1].length, null).get(), Long::sum);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void mapOnlyJobWritesEveryRecordThroughTheOutputFormat() throws Exception {
        List<Object[]> input = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            input.add(new Object[] {new Text("k" + (999 - i)), new LongValue(i)});
        }
        JobContext job = TestJobRunner.job(textLongJob(0));
        TaskAttemptContext attempt = TestJobRunner.attempt(job, TaskType.MAP, 0);
        MapOutput output = new MapTask(attempt, GeneratedSplit.of("list", input), dir.resolve("m")).run();

        assertThat(output).isEqualTo(MapOutput.NONE);
        String id = attempt.taskAttemptId().toString();
        assertThat(CollectingOutputFormat.closed(id)).isTrue();
        List<Object[]> written = CollectingOutputFormat.take(id);
        assertThat(written).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(written.get(i)).as("record %d in input order", i).containsExactly(input.get(i));
        }
        assertThat(attempt.counters().value(TaskCounter.MAP_OUTPUT_RECORDS)).isEqualTo(1000);
        assertThat(attempt.progress()).isEqualTo(1f);
    }

    @Test
    void emptyInputWritesAnEmptySegmentPerPartition() throws Exception {
        Counters counters = new Counters();
        MapOutput output = runMap(textLongJob(3), GeneratedSplit.of("empty", List.of()), "m", counters);

        MapOutputIndex index = MapOutputIndex.read(output.indexFile());
        assertThat(index.partitions()).isEqualTo(3);
        for (int p = 0; p < 3; p++) {
            assertThat(readPartition(output, p)).isEmpty();
            assertThat(index.entry(p).rawLength()).as("just the end marker").isEqualTo(1);
        }
        assertThat(counters.value(TaskCounter.SPILLED_RECORDS)).isZero();
    }

    @Test
    void failingMapperFailsTheTaskNamingTheAttemptAndTheInputPosition() {
        List<Object[]> input = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            input.add(new Object[] {new Text("k" + i), new LongValue(i)});
        }
        Configuration conf = textLongJob(1).with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.FailingMapper.class.getName());
        TaskAttemptContext attempt = TestJobRunner.attempt(TestJobRunner.job(conf), TaskType.MAP, 4);
        MapTask task = new MapTask(attempt, GeneratedSplit.of("mem:/input/part-0", input), dir.resolve("m"));

        assertThatThrownBy(task::run)
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining(attempt.taskAttemptId().toString())
                .hasMessageContaining("mem:/input/part-0 at record 13")
                .hasMessageContaining("bad record 13")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void combinerFailingOnTheSpillThreadFailsTheTaskWithItsCause() {
        Configuration conf = textLongJob(2).with(MapReduceConfigKeys.SORT_MB, "1")
                .with(MapReduceConfigKeys.COMBINER_CLASS, TestJobs.FailingCombiner.class.getName());
        TaskAttemptContext attempt = TestJobRunner.attempt(TestJobRunner.job(conf), TaskType.MAP, 2);
        MapTask task = new MapTask(attempt, new GeneratedSplit("many", 100_000,
                i -> new Object[] {new Text("k" + i), new LongValue(i)}), dir.resolve("m"));

        assertThatThrownBy(task::run)
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining(attempt.taskAttemptId().toString())
                .hasMessageContaining("combiner cannot handle")
                .hasCauseInstanceOf(UnsupportedOperationException.class);
        String spillThread = "map-spill-" + attempt.taskAttemptId();
        Await.until("the spill thread of the failed attempt ends", Duration.ofSeconds(10),
                () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(spillThread)));
    }

    @Test
    void recordLargerThanTheSortBufferIsSpilledOnItsOwn() throws Exception {
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        List<Object[]> input = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            input.add(new Object[] {new Text("k" + i), new Text("v" + i)});
            if (i == 2500) {
                input.add(new Object[] {new Text("big"), new Text().set(big, 0, big.length)});
            }
        }
        Configuration conf = TestJobRunner.baseConf().with(MapReduceConfigKeys.SORT_MB, "1");
        Counters counters = new Counters();
        MapOutput output = runMap(conf, GeneratedSplit.of("list", input), "m", counters);

        List<byte[][]> records = readPartition(output, 0);
        assertThat(records).hasSize(5001);
        byte[][] bigRecord = records.stream().filter(r -> new String(r[0]).equals("big")).findFirst().orElseThrow();
        assertThat(bigRecord[1]).isEqualTo(big);
    }
}
