package io.quarry.examples;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Partitioner;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.io.IntValue;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Arrays;

/**
 * Secondary sort: reads {@code year temperature} lines (whitespace-separated integers) and writes
 * one line per year, {@code year<TAB>t1,t2,...}, with the year's temperatures in ascending order,
 * without the reducer sorting anything. The map output key is the pair (year, temperature) packed
 * into one {@link LongValue} whose bytes sort by year, then temperature; the partitioner and the
 * grouping comparator look at the year alone, so one reduce call sees a whole year, its values
 * already in order.
 */
public final class SecondarySort implements Tool {
    static final String USAGE = "Usage: secondarysort [generic options] <input> <output>";

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length != 2) {
            return Usage.print(USAGE, "Lists each year's temperatures in order from 'year temperature' lines.", args);
        }
        Job job = Job.create(conf, "secondarysort");
        job.setJarByClass(SecondarySort.class);
        job.setMapperClass(PairMapper.class);
        job.setPartitionerClass(YearPartitioner.class);
        job.setGroupingComparatorClass(YearGroupingComparator.class);
        job.setReducerClass(ListReducer.class);
        job.setMapOutputKeyClass(LongValue.class);
        job.setMapOutputValueClass(IntValue.class);
        job.setOutputKeyClass(IntValue.class);
        job.setOutputValueClass(Text.class);
        job.addInputPath(new Path(args[0]));
        job.setOutputPath(new Path(args[1]));
        return job.waitForCompletion(true) ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new SecondarySort(), args));
    }

    /** (year, temperature) as one long ordered by year, then temperature. */
    static long pack(int year, int temperature) {
        return ((long) year << 32) | ((temperature ^ Integer.MIN_VALUE) & 0xFFFFFFFFL);
    }

    static int year(long packed) {
        return (int) (packed >> 32);
    }

    static int temperature(long packed) {
        return (int) packed ^ Integer.MIN_VALUE;
    }

    /** Parses a line into the packed key and the temperature; blank lines are skipped. */
    public static final class PairMapper extends Mapper<LongValue, Text, LongValue, IntValue> {
        private final LongValue key = new LongValue();
        private final IntValue temperature = new IntValue();

        @Override
        public void map(LongValue offset, Text line, TaskContext<LongValue, IntValue> context)
                throws IOException, InterruptedException {
            String text = line.toString().strip();
            if (text.isEmpty()) {
                return;
            }
            String[] fields = text.split("\\s+");
            if (fields.length != 2) {
                throw new IOException("expected 'year temperature', got '" + text + "' at byte offset " + offset);
            }
            int year = Integer.parseInt(fields[0]);
            int degrees = Integer.parseInt(fields[1]);
            context.write(key.set(pack(year, degrees)), temperature.set(degrees));
        }
    }

    /** Sends every pair of a year to the same reduce task. */
    public static final class YearPartitioner implements Partitioner<LongValue, IntValue> {
        @Override
        public int partition(LongValue key, IntValue value, int numPartitions) {
            return (Integer.hashCode(year(key.get())) & Integer.MAX_VALUE) % numPartitions;
        }
    }

    /** Compares the year part of serialized keys: the first 4 of the 8 bytes. */
    public static final class YearGroupingComparator implements RawComparator {
        @Override
        public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
            return Arrays.compareUnsigned(left, leftOffset, leftOffset + 4, right, rightOffset, rightOffset + 4);
        }
    }

    /** Writes a year and its temperatures, which arrive in ascending order. */
    public static final class ListReducer extends Reducer<LongValue, IntValue, IntValue, Text> {
        private final IntValue year = new IntValue();
        private final Text list = new Text();
        private final StringBuilder builder = new StringBuilder();

        @Override
        public void reduce(LongValue key, Iterable<IntValue> temperatures, TaskContext<IntValue, Text> context)
                throws IOException, InterruptedException {
            builder.setLength(0);
            for (IntValue degrees : temperatures) {
                if (!builder.isEmpty()) {
                    builder.append(',');
                }
                builder.append(degrees.get());
            }
            context.write(year.set(year(key.get())), list.set(builder.toString()));
        }
    }
}
