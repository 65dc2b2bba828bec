package io.quarry.examples.join;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.examples.Usage;
import io.quarry.examples.logs.AccessLogLine;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Partitioner;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reduce-side join of access-log lines with the ip-prefix → country table, both read as job
 * input: the mappers tag each record with its side, and the shuffle brings a prefix's table row
 * and log lines to one reduce call, the table row first. The map output key is
 * {@code prefix \0 side} (side {@code 0} for the table, {@code 1} for logs): it sorts the table
 * row ahead of the log lines, while the partitioner and the grouping comparator look at the
 * prefix alone, so the reducer streams the log lines without holding them. Same join and output
 * as {@link BroadcastJoin}.
 */
public final class ReduceSideJoin implements Tool {
    static final String USAGE = "Usage: join [generic options] <access logs> <ip_country table> <output>";
    static final byte SEPARATOR = 0;
    static final byte TABLE_SIDE = '0';
    static final byte LOG_SIDE = '1';

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length != 3) {
            return Usage.print(USAGE, "Joins access logs with the ip-prefix country table in the reducers.", args);
        }
        Job job = Job.create(conf, "join");
        job.setJarByClass(ReduceSideJoin.class);
        job.set(CountryTable.TABLE_PATH, args[1]);
        job.setMapperClass(TaggingMapper.class);
        job.setPartitionerClass(PrefixPartitioner.class);
        job.setGroupingComparatorClass(PrefixGroupingComparator.class);
        job.setReducerClass(JoinReducer.class);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(Text.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(Text.class);
        job.addInputPath(new Path(args[0]));
        job.addInputPath(new Path(args[1]));
        job.setOutputPath(new Path(args[2]));
        return job.waitForCompletion(true) ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new ReduceSideJoin(), args));
    }

    /** Length of the prefix part of a serialized key: the bytes before the separator. */
    static int prefixLength(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[offset + i] == SEPARATOR) {
                return i;
            }
        }
        return length;
    }

    /** Emits (prefix\0side, country or log line); the side comes from the file the split belongs to. */
    public static final class TaggingMapper extends Mapper<LongValue, Text, Text, Text> {
        private final AccessLogLine parser = new AccessLogLine();
        private final Text key = new Text();
        private final Text value = new Text();
        private boolean tableSide;

        @Override
        public void setup(TaskContext<Text, Text> context) throws IOException {
            Configuration conf = context.configuration();
            String table = conf.get(CountryTable.TABLE_PATH);
            if (table == null) {
                throw new IllegalArgumentException("set " + CountryTable.TABLE_PATH + " to the ip_country table");
            }
            InputSplit split = context.inputSplit();
            if (!(split instanceof FileSplit fileSplit)) {
                throw new IllegalStateException("the join reads files, got split " + split);
            }
            String tablePath;
            try (FileSystem fs = FileSystem.get(new Path(table), conf)) {
                tablePath = fs.qualify(new Path(table)).path();
            }
            String splitPath = fileSplit.path().path();
            tableSide = splitPath.equals(tablePath) || splitPath.startsWith(tablePath.endsWith("/") ? tablePath : tablePath + "/");
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, Text> context)
                throws IOException, InterruptedException {
            String text = line.toString();
            if (tableSide) {
                String prefix = CountryTable.prefixOf(text);
                String country = CountryTable.countryOf(text);
                if (prefix == null || country == null) {
                    throw new IOException("expected 'prefix<TAB>code<TAB>name<TAB>continent' at byte offset " + offset
                            + " of the table, got: " + text);
                }
                emit(prefix, TABLE_SIDE, value.set(country), context);
            } else if (parser.parse(text)) {
                String prefix = AccessLogLine.ipv4Prefix(parser.ip());
                if (prefix != null) {
                    emit(prefix, LOG_SIDE, line, context);
                }
            }
        }

        private void emit(String prefix, byte side, Text payload, TaskContext<Text, Text> context)
                throws IOException, InterruptedException {
            byte[] bytes = (prefix + "\0" + (char) side).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            context.write(key.set(bytes, 0, bytes.length), payload);
        }
    }

    /** Partitions by the prefix alone, so both sides of a prefix meet in one reduce task. */
    public static final class PrefixPartitioner implements Partitioner<Text, Text> {
        @Override
        public int partition(Text key, Text value, int numPartitions) {
            int length = prefixLength(key.bytes(), 0, key.length());
            return (Text.hashBytes(key.bytes(), 0, length) & Integer.MAX_VALUE) % numPartitions;
        }
    }

    /** Groups serialized keys by their prefix part. */
    public static final class PrefixGroupingComparator implements RawComparator {
        @Override
        public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
            int leftPrefix = prefixLength(left, leftOffset, leftLength);
            int rightPrefix = prefixLength(right, rightOffset, rightLength);
            return Arrays.compareUnsigned(left, leftOffset, leftOffset + leftPrefix, right, rightOffset, rightOffset + rightPrefix);
        }
    }

    /** Remembers the table row (sorted first), then writes it beside each log line of the prefix. */
    public static final class JoinReducer extends Reducer<Text, Text, Text, Text> {
        private final Text country = new Text();

        @Override
        public void reduce(Text key, Iterable<Text> values, TaskContext<Text, Text> context)
                throws IOException, InterruptedException {
            boolean matched = false;
            for (Text value : values) {
                if (key.bytes()[key.length() - 1] == TABLE_SIDE) {
                    country.set(value);
                    matched = true;
                } else if (matched) {
                    context.write(country, value);
                } // else no table row for this prefix: an inner join drops its log lines
            }
        }
    }
}
