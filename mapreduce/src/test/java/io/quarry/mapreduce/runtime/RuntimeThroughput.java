package io.quarry.mapreduce.runtime;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A manual throughput check of the map and reduce runtime, not a test: {@code wordcount} (small
 * Text keys, LongValue ones, summing combiner) and {@code terasort} (10-byte keys, 90-byte values).
 * Run with the test classpath: {@code java ... RuntimeThroughput wordcount 20000000}.
 */
public final class RuntimeThroughput {
    private RuntimeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "wordcount";
        long records = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
        Path dir = Files.createTempDirectory("runtime-throughput");
        try {
            for (int round = 0; round < 3; round++) {
                run(which, records, dir.resolve("round" + round));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String which, long records, Path dir) throws Exception {
        Configuration conf = TestJobRunner.baseConf().with(MapReduceConfigKeys.NUM_REDUCES, "1")
                .with(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS, DiscardingOutputFormat.class.getName());
        GeneratedSplit split;
        if (which.equals("wordcount")) {
            String[] words = new String[50_000];
            Random random = new Random(1);
            for (int i = 0; i < words.length; i++) {
                words[i] = Long.toString(random.nextLong() & 0xFFFFFFFL, 36);
            }
            Text key = new Text();
            LongValue one = new LongValue(1);
            Object[] pair = {key, one};
            conf = conf.with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, Text.class.getName())
                    .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, LongValue.class.getName())
                    .with(MapReduceConfigKeys.COMBINER_CLASS, TestJobs.SumReducer.class.getName())
                    .with(MapReduceConfigKeys.REDUCER_CLASS, TestJobs.SumReducer.class.getName());
            split = new GeneratedSplit("words", records, i -> {
                key.set(words[(int) ((i * 0x9E3779B97F4A7C15L >>> 40) % words.length)]);
                return pair;
            });
        } else {
            BytesValue key = new BytesValue();
            BytesValue value = new BytesValue();
            byte[] k = new byte[10];
            byte[] v = new byte[90];
            Object[] pair = {key, value};
            conf = conf.with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, BytesValue.class.getName())
                    .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, BytesValue.class.getName());
            split = new GeneratedSplit("rows", records, i -> {
                long h = i * 0x9E3779B97F4A7C15L;
                for (int b = 0; b < 8; b++) {
                    k[b] = (byte) (h >>> (56 - 8 * b));
                }
                k[8] = (byte) i;
                k[9] = (byte) (i >>> 8);
                v[0] = (byte) i;
                key.set(k, 0, 10);
                value.set(v, 0, 90);
                return pair;
            });
        }
        JobContext job = TestJobRunner.job(conf);
        TaskAttemptContext mapAttempt = TestJobRunner.attempt(job, TaskType.MAP, 0);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        MapOutput output = new MapTask(mapAttempt, split, dir.resolve("map")).run();
        long mapped = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        TaskAttemptContext reduceAttempt = TestJobRunner.attempt(job, TaskType.REDUCE, 0);
        new ReduceTask(reduceAttempt, 1, new LocalMapOutputFetcher(List.of(output)), dir.resolve("reduce")).run();
        long reduced = System.nanoTime();
        long cpu2 = os.getProcessCpuTime();
        Counters c = mapAttempt.counters();
        System.out.printf("%s %,d records: map %,d ms, cpu %,d ms (%.1f M rec/cpu-s, %,d MB out, %,d spilled), reduce %,d ms, cpu %,d ms (%,d in, %,d out)%n",
                which, records, (mapped - start) / 1_000_000, (cpu1 - cpu0) / 1_000_000, records / ((cpu1 - cpu0) / 1e3),
                c.value(TaskCounter.MAP_OUTPUT_BYTES) >> 20, c.value(TaskCounter.SPILLED_RECORDS),
                (reduced - mapped) / 1_000_000, (cpu2 - cpu1) / 1_000_000, reduceAttempt.counters().value(TaskCounter.REDUCE_INPUT_RECORDS),
                reduceAttempt.counters().value(TaskCounter.REDUCE_OUTPUT_RECORDS));
    }
}
