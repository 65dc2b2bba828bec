package io.quarry.examples.tera;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.examples.Usage;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Checks that TeraSort output is sorted as a whole: within every split of every part file, and
 * from each split to the next (files in name order). Each map task reports its split's first and
 * last key, its misordered records and the sum of its rows' CRC32s; one reducer chains the splits
 * in order. The output is {@code checksum<TAB>hex} (the same as TeraGen's for the same rows, in
 * any order) and one {@code misorder<TAB>...} line per problem; a clean run has only the checksum.
 */
public final class TeraValidate implements Tool {
    static final String USAGE = "Usage: teravalidate [generic options] <sorted input> <report output>";
    static final String CHECKSUM_KEY = "checksum";
    static final String RANGE_KEY = "range";
    static final String ERROR_KEY = "misorder";

    /** The job's own counters. */
    public enum TeraValidateCounter {
        CHECKSUM,
        ERRORS
    }

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length != 2) {
            return Usage.print(USAGE, "Checks TeraSort output is globally sorted and prints the rows' checksum.", args);
        }
        Job job = Job.create(conf, "teravalidate");
        job.setJarByClass(TeraValidate.class);
        job.setInputFormatClass(TeraInputFormat.class);
        job.setMapperClass(ValidateMapper.class);
        job.setReducerClass(ValidateReducer.class);
        job.setNumReduceTasks(1);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(Text.class);
        job.addInputPath(new Path(args[0]));
        job.setOutputPath(new Path(args[1]));
        if (!job.waitForCompletion(true)) {
            return 1;
        }
        long errors = job.counters().value(TeraValidateCounter.ERRORS);
        System.out.printf("teravalidate: %s, checksum %x%n", errors == 0 ? "sorted" : errors + " ordering errors (see "
                + args[1] + ")", job.counters().value(TeraValidateCounter.CHECKSUM));
        return errors == 0 ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new TeraValidate(), args));
    }

    /** Checks the order within a split and sums its rows' checksums. */
    public static final class ValidateMapper extends Mapper<BytesValue, BytesValue, Text, Text> {
        private final CRC32 crc = new CRC32();
        private final byte[] first = new byte[TeraRecords.KEY_LENGTH];
        private final byte[] previous = new byte[TeraRecords.KEY_LENGTH];
        private long records;
        private long misordered;
        private String firstMisorder;
        private long checksum;
        private FileSplit split;

        @Override
        public void setup(TaskContext<Text, Text> context) {
            InputSplit input = context.inputSplit();
            if (!(input instanceof FileSplit fileSplit)) {
                throw new IllegalStateException("teravalidate reads files, got split " + input);
            }
            split = fileSplit;
        }

        @Override
        public void map(BytesValue key, BytesValue value, TaskContext<Text, Text> context)
                throws IOException, InterruptedException {
            byte[] bytes = key.bytes();
            if (records == 0) {
                System.arraycopy(bytes, 0, first, 0, TeraRecords.KEY_LENGTH);
            } else if (Arrays.compareUnsigned(previous, 0, TeraRecords.KEY_LENGTH, bytes, 0, TeraRecords.KEY_LENGTH) > 0) {
                if (misordered++ == 0) {
                    firstMisorder = "record " + records + " has key " + hex(bytes) + " after " + hex(previous);
                }
            }
            System.arraycopy(bytes, 0, previous, 0, TeraRecords.KEY_LENGTH);
            checksum += TeraRecords.checksum(crc, bytes, 0, value.bytes(), 0);
            records++;
        }

        @Override
        public void cleanup(TaskContext<Text, Text> context) throws IOException, InterruptedException {
            context.write(new Text(CHECKSUM_KEY), new Text(Long.toHexString(checksum)));
            if (misordered > 0) {
                context.write(new Text(ERROR_KEY), new Text("split " + split + " has " + misordered
                        + " misordered records; first: " + firstMisorder));
            }
            if (records > 0) {
                String where = String.format("%s %020d", split.path(), split.start());
                context.write(new Text(RANGE_KEY + " " + where), new Text(hex(first) + " " + hex(previous)));
            }
        }
    }

    /**
     * Sums the checksums, passes the mappers' errors on and checks each split's first key against
     * the previous split's last key (the range keys arrive in file, then offset order).
     */
    public static final class ValidateReducer extends Reducer<Text, Text, Text, Text> {
        private final Text outKey = new Text();
        private String lastKey;
        private String lastRange;

        @Override
        public void reduce(Text key, Iterable<Text> values, TaskContext<Text, Text> context)
                throws IOException, InterruptedException {
            String name = key.toString();
            if (name.equals(CHECKSUM_KEY)) {
                long sum = 0;
                for (Text value : values) {
                    sum += Long.parseUnsignedLong(value.toString(), 16);
                }
                context.counter(TeraValidateCounter.CHECKSUM).increment(sum);
                context.write(outKey.set(CHECKSUM_KEY), new Text(Long.toHexString(sum)));
            } else if (name.equals(ERROR_KEY)) {
                for (Text value : values) {
                    context.counter(TeraValidateCounter.ERRORS).increment();
                    context.write(outKey.set(ERROR_KEY), value);
                }
            } else {
                String range = name.substring(RANGE_KEY.length() + 1);
                for (Text value : values) {
                    String[] firstAndLast = value.toString().split(" ");
                    if (lastKey != null && firstAndLast[0].compareTo(lastKey) < 0) {
                        context.counter(TeraValidateCounter.ERRORS).increment();
                        context.write(outKey.set(ERROR_KEY), new Text("split " + range + " starts with key " + firstAndLast[0]
                                + ", below the last key " + lastKey + " of split " + lastRange));
                    }
                    lastKey = firstAndLast[1];
                    lastRange = range;
                }
            }
        }
    }

    static String hex(byte[] key) {
        return HexFormat.of().formatHex(key, 0, TeraRecords.KEY_LENGTH);
    }
}
