package io.quarry.mapreduce.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.Serdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TotalOrderPartitionerTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void partitionsFollowKeyOrderAndAreBalancedOnUniformKeys() throws IOException {
        long seed = Seeds.seed("balanced");
        int reduces = 10;
        Job job = job(reduces, 8, 5000, 0, seed);
        InputSampler.writePartitionFile(job, new RandomSampler(0.2, 3000, 8, seed));
        TotalOrderPartitioner<LongValue, NullValue> partitioner = partitioner(job);

        Random random = new Random(seed + 1);
        long[] keys = new long[100_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        Arrays.sort(keys);
        int[] counts = new int[reduces];
        int previous = 0;
        LongValue key = new LongValue();
        for (long k : keys) {
            int p = partitioner.partition(key.set(k), NullValue.INSTANCE, reduces);
            assertThat(p).as("partition of %d", k).isBetween(previous, reduces - 1);
            previous = p;
            counts[p]++;
        }
        int expected = keys.length / reduces;
        for (int p = 0; p < reduces; p++) {
            assertThat(counts[p]).as("keys in partition %d of %s", p, Arrays.toString(counts))
                    .isBetween((int) (expected * 0.7), (int) (expected * 1.3));
        }
        assertThat(partitioner.partition(key.set(Long.MIN_VALUE), NullValue.INSTANCE, reduces)).isZero();
        assertThat(partitioner.partition(key.set(Long.MAX_VALUE), NullValue.INSTANCE, reduces)).isEqualTo(reduces - 1);
    }

    @Test
    void equalKeysShareAPartitionAndASplitPointStartsTheNextPartition() throws IOException {
        long seed = Seeds.seed("equal-keys");
        Job job = job(5, 4, 1000, 0, seed);
        InputSampler.writePartitionFile(job, new RandomSampler(0.5, 500, 4, seed));
        TotalOrderPartitioner<LongValue, NullValue> partitioner = partitioner(job);
        List<byte[]> points = PartitionFile.read(TotalOrderPartitioner.partitionFile(job.configuration()), job.configuration());
        assertThat(points).hasSize(4);
        for (int i = 0; i < points.size(); i++) {
            long point = Serdes.forClass(Long.class).read(points.get(i), 0, 8, null);
            assertThat(partitioner.partition(new LongValue(point), NullValue.INSTANCE, 5)).isEqualTo(i + 1);
            assertThat(partitioner.partition(new LongValue(point), NullValue.INSTANCE, 5)).isEqualTo(i + 1);
            assertThat(partitioner.partition(new LongValue(point - 1), NullValue.INSTANCE, 5)).isEqualTo(i);
        }
    }

    @Test
    void oneReducerTakesEveryKey() throws IOException {
        long seed = Seeds.seed("one-reducer");
        Job job = job(1, 2, 100, 0, seed);
        InputSampler.writePartitionFile(job, new RandomSampler(1, 100, 2, seed));
        assertThat(PartitionFile.read(TotalOrderPartitioner.partitionFile(job.configuration()), job.configuration())).isEmpty();
        TotalOrderPartitioner<LongValue, NullValue> partitioner = partitioner(job);
        Random random = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            assertThat(partitioner.partition(new LongValue(random.nextLong()), NullValue.INSTANCE, 1)).isZero();
        }
    }

    @Test
    void moreReducersThanDistinctKeysLeavesEmptyPartitionsAndKeepsOrder() throws IOException {
        long seed = Seeds.seed("few-distinct");
        int reduces = 8;
        Job job = job(reduces, 3, 300, 3, seed);
        InputSampler.writePartitionFile(job, new RandomSampler(1, 900, 3, seed));
        TotalOrderPartitioner<LongValue, NullValue> partitioner = partitioner(job);
        assertThat(PartitionFile.read(TotalOrderPartitioner.partitionFile(job.configuration()), job.configuration()))
                .hasSize(reduces - 1);
        int first = partitioner.partition(new LongValue(0), NullValue.INSTANCE, reduces);
        int second = partitioner.partition(new LongValue(1000), NullValue.INSTANCE, reduces);
        int third = partitioner.partition(new LongValue(2000), NullValue.INSTANCE, reduces);
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(third);
        assertThat(third).isLessThan(reduces);
        assertThat(partitioner.partition(new LongValue(0), NullValue.INSTANCE, reduces)).isEqualTo(first);
    }

    @Test
    void customSortComparatorDecidesTheOrderOfPartitions() throws IOException {
        long seed = Seeds.seed("descending");
        int reduces = 4;
        Job job = job(reduces, 4, 2000, 0, seed);
        job.setSortComparatorClass(DescendingLongComparator.class);
        InputSampler.writePartitionFile(job, new SplitSampler(1000, 4));
        TotalOrderPartitioner<LongValue, NullValue> partitioner = partitioner(job);
        Random random = new Random(seed);
        long[] keys = random.longs(20_000).sorted().toArray();
        int previous = 0;
        int[] counts = new int[reduces];
        for (int i = keys.length - 1; i >= 0; i--) {
            int p = partitioner.partition(new LongValue(keys[i]), NullValue.INSTANCE, reduces);
            assertThat(p).isBetween(previous, reduces - 1);
            previous = p;
            counts[p]++;
        }
        assertThat(Arrays.stream(counts).min().orElseThrow()).as("smallest of %s", Arrays.toString(counts)).isGreaterThan(keys.length / reduces / 2);
    }

    @Test
    void missingPartitionFileSettingIsNamed() {
        Configuration conf = Configuration.empty().with(MapReduceConfigKeys.MAP_OUTPUT_KEY_CLASS, LongValue.class.getName());
        assertThatThrownBy(() -> new TotalOrderPartitioner<>().configure(conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapreduce.totalorderpartitioner.path is not set");
    }

    @Test
    void partitionCountMustMatchTheFile() throws IOException {
        long seed = Seeds.seed("count-mismatch");
        Job job = job(3, 1, 100, 0, seed);
        InputSampler.writePartitionFile(job, new RandomSampler(1, 100, 1, seed));
        TotalOrderPartitioner<LongValue, NullValue> partitioner = partitioner(job);
        assertThatThrownBy(() -> partitioner.partition(new LongValue(1), NullValue.INSTANCE, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 2 split points, for 3 reduce tasks, but the job has 4");
        assertThatThrownBy(() -> new TotalOrderPartitioner<LongValue, NullValue>().partition(new LongValue(1), NullValue.INSTANCE, 1))
                .hasMessageContaining("before configure()");
    }

    @Test
    void splitPointsOutOfOrderAreRejected() throws IOException {
        Job job = job(3, 1, 10, 0, 1);
        Path path = TotalOrderPartitioner.partitionFile(job.configuration());
        PartitionFile.write(path, job.configuration(), List.of(longBytes(5), longBytes(-5)));
        assertThatThrownBy(() -> partitioner(job))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order").hasMessageContaining(path.toString());
    }

    @Test
    void damagedPartitionFileIsRejected() throws IOException {
        Job job = job(3, 1, 10, 0, 1);
        Path path = TotalOrderPartitioner.partitionFile(job.configuration());
        PartitionFile.write(path, job.configuration(), List.of(longBytes(-5), longBytes(5)));
        java.nio.file.Path file = dir.resolve("partitions");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        bytes[12] ^= 1;
        java.nio.file.Files.write(file, bytes);
        assertThatThrownBy(() -> partitioner(job))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("checksum mismatch in partition file");
    }

    @Test
    void keyClassWithoutOrderIsRejected() throws IOException {
        Job job = job(2, 1, 10, 0, 1).setMapOutputKeyClass(Unordered.class);
        assertThatThrownBy(() -> partitioner(job)).hasMessageContaining("has no order");
    }

    @Test
    void samplingInputKeysOfAnotherClassNamesBoth() {
        Job job = job(2, 1, 10, 0, 1).setMapOutputKeyClass(io.quarry.mapreduce.io.Text.class);
        assertThatThrownBy(() -> InputSampler.writePartitionFile(job, new RandomSampler(1, 10, 1, 1)))
                .hasMessageContaining("LongValue").hasMessageContaining("Text").hasMessageContaining("generated split 0");
    }

    @Test
    void emptySampleCannotMakeSplitPoints() {
        Job job = job(2, 1, 0, 0, 1);
        assertThatThrownBy(() -> InputSampler.writePartitionFile(job, new RandomSampler(1, 10, 1, 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("sample of the input is empty");
    }

    record Unordered(int x) {
    }

    private Job job(int reduces, int splits, int records, int distinct, long seed) {
        Job job = Job.create(Configuration.empty(), "total-order-test")
                .setInputFormatClass(GeneratedInputFormat.class)
                .setMapOutputKeyClass(LongValue.class)
                .setMapOutputValueClass(NullValue.class)
                .setPartitionerClass(TotalOrderPartitioner.class)
                .setNumReduceTasks(reduces)
                .set(GeneratedInputFormat.SPLITS, Integer.toString(splits))
                .set(GeneratedInputFormat.RECORDS, Integer.toString(records))
                .set(GeneratedInputFormat.DISTINCT, Integer.toString(distinct))
                .set(GeneratedInputFormat.SEED, Long.toString(seed));
        TotalOrderPartitioner.setPartitionFile(job, new Path("file://" + dir.resolve("partitions").toAbsolutePath()));
        return job;
    }

    @SuppressWarnings("unchecked")
    private static TotalOrderPartitioner<LongValue, NullValue> partitioner(Job job) {
        JobContext context = new JobContext(new JobId("test", 1), job.configuration(), TotalOrderPartitionerTest.class.getClassLoader());
        return (TotalOrderPartitioner<LongValue, NullValue>) context.newInstance(context.partitionerClass());
    }

    private static byte[] longBytes(long value) {
        OutputBuffer out = new OutputBuffer();
        Serdes.forClass(Long.class).write(value, out);
        return Arrays.copyOf(out.bytes(), out.length());
    }

}
