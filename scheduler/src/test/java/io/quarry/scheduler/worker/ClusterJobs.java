package io.quarry.scheduler.worker;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;

/** Jobs for the Worker daemon tests. Static hooks: the test classes using them run one test at a time. */
final class ClusterJobs {
    /** Each map counts down and waits until the gate opens, so the gate opens only once that many maps run at once. */
    static volatile CountDownLatch mapGate = new CountDownLatch(0);
    /** The same for reduces. */
    static volatile CountDownLatch reduceGate = new CountDownLatch(0);

    private ClusterJobs() {
    }

    static void gate(int maps, int reduces) {
        mapGate = new CountDownLatch(maps);
        reduceGate = new CountDownLatch(reduces);
    }

    private static void pass(CountDownLatch gate, String what) throws InterruptedException {
        gate.countDown();
        if (!gate.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + " waited in vain for its peers to run at the same time");
        }
    }

    /** Counts words once enough maps run at the same time. */
    public static final class GatedWordMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final TestJobs.WordMapper words = new TestJobs.WordMapper();

        @Override
        public void setup(TaskContext<Text, LongValue> context) throws InterruptedException {
            pass(mapGate, "a map");
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            words.map(offset, line, context);
        }
    }

    /** Sums counts once enough reduces run at the same time. */
    public static final class GatedSumReducer extends Reducer<Text, LongValue, Text, LongValue> {
        private final TestJobs.SumReducer sums = new TestJobs.SumReducer();

        @Override
        public void setup(TaskContext<Text, LongValue> context) throws InterruptedException {
            pass(reduceGate, "a reduce");
        }

        @Override
        public void reduce(Text key, Iterable<LongValue> values, TaskContext<Text, LongValue> context)
                throws IOException, InterruptedException {
            sums.reduce(key, values, context);
        }
    }

    /** Fails on its first record, every time. */
    public static final class FailingMapper extends Mapper<LongValue, Text, Text, LongValue> {
        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) {
            throw new IllegalStateException("the failing mapper refuses line '" + line + "'");
        }
    }
}
