package io.quarry.scheduler.worker;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.input.TextInputFormat;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.output.TextOutputFormat;

/** Jobs for the attempt runner tests. Static hooks: the test classes using them run one test at a time. */
final class TestJobs {
    /** Counted down by {@link BlockingMapper} once it has written a record and starts blocking. */
    static volatile CountDownLatch blocked = new CountDownLatch(1);
    /** The context class loader {@link LoaderProbeMapper} ran with. */
    static final AtomicReference<ClassLoader> probedLoader = new AtomicReference<>();
    /** Each permit lets {@link SteppingMapper} show one sign of life. */
    static volatile Semaphore steps = new Semaphore(0);
    /** Released by {@link SteppingMapper} after each sign of life. */
    static volatile Semaphore stepped = new Semaphore(0);

    private TestJobs() {
    }

    static void reset() {
        blocked = new CountDownLatch(1);
        probedLoader.set(null);
        steps = new Semaphore(0);
        stepped = new Semaphore(0);
    }

    /** A word count over text files, writing text output under {@code outputDir}. */
    static Configuration wordCount(String outputDir, int reduces) {
        return Configuration.empty()
                .with(MapReduceConfigKeys.INPUT_FORMAT_CLASS, TextInputFormat.class.getName())
                .with(MapReduceConfigKeys.MAPPER_CLASS, WordMapper.class.getName())
                .with(MapReduceConfigKeys.REDUCER_CLASS, SumReducer.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS, TextOutputFormat.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, Text.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, LongValue.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_DIR, outputDir)
                .with(MapReduceConfigKeys.NUM_REDUCES, Integer.toString(reduces))
                .with(MapReduceConfigKeys.SORT_MB, "1");
    }

    public static final class WordMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final Text word = new Text();
        private final LongValue one = new LongValue(1);

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            for (String token : line.toString().split(" ")) {
                if (!token.isEmpty()) {
                    context.write(word.set(token), one);
                }
            }
        }
    }

    public static final class SumReducer extends Reducer<Text, LongValue, Text, LongValue> {
        @Override
        public void reduce(Text key, Iterable<LongValue> values, TaskContext<Text, LongValue> context)
                throws IOException, InterruptedException {
            long sum = 0;
            for (LongValue value : values) {
                sum += value.get();
            }
            context.write(key, new LongValue(sum));
        }
    }

    /** Writes one record, then blocks without a sign of life until interrupted. */
    public static final class BlockingMapper extends Mapper<LongValue, Text, Text, LongValue> {
        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            context.write(new Text("blocked"), new LongValue(1));
            blocked.countDown();
            new CountDownLatch(1).await();
        }
    }

    /** Recurses until the stack overflows. */
    public static final class RecursingMapper extends Mapper<LongValue, Text, Text, LongValue> {
        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) {
            recurse(0);
        }

        private static long recurse(long depth) {
            return recurse(depth + 1) + 1;
        }
    }

    /** Records the context class loader it runs with, then counts words. */
    public static final class LoaderProbeMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final WordMapper words = new WordMapper();

        @Override
        public void setup(TaskContext<Text, LongValue> context) {
            probedLoader.set(Thread.currentThread().getContextClassLoader());
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            words.map(offset, line, context);
        }
    }

    /** Shows a sign of life (without progress) for each permit of {@link #steps}, until interrupted. */
    public static final class SteppingMapper extends Mapper<LongValue, Text, Text, LongValue> {
        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws InterruptedException {
            while (true) {
                steps.acquire();
                context.progress();
                stepped.release();
            }
        }
    }
}
