package io.quarry.examples.tera;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.examples.Usage;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import java.io.IOException;
import java.util.zip.CRC32;

/**
 * Generates TeraSort input: {@code rows} 100-byte records (see {@link TeraRecords}) in
 * {@code part-m-NNNNN} files, by a map-only job over row ranges. Row {@code i} is the same on
 * every run whatever the number of map tasks. The sum of the rows' CRC32s, the checksum
 * TeraValidate reports for the sorted output, is printed at the end (counter {@code CHECKSUM}).
 */
public final class TeraGen implements Tool {
    static final String USAGE = "Usage: teragen [generic options] <rows> <output>\n"
            + "  -D " + RowRangeInputFormat.MAP_TASKS + "=N   map tasks (default: the number of cores)";

    /** The job's own counters. */
    public enum TeraGenCounter {
        CHECKSUM
    }

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length != 2) {
            return Usage.print(USAGE, "Generates 100-byte TeraSort rows (10-byte random keys).", args);
        }
        long rows = Long.parseLong(args[0].replace("_", "").replace(",", ""));
        Job job = Job.create(conf, "teragen");
        job.setJarByClass(TeraGen.class);
        job.set(RowRangeInputFormat.ROWS, Long.toString(rows));
        job.setInputFormatClass(RowRangeInputFormat.class);
        job.setMapperClass(RowMapper.class);
        job.setNumReduceTasks(0);
        job.setOutputKeyClass(BytesValue.class);
        job.setOutputValueClass(BytesValue.class);
        job.setOutputFormatClass(TeraOutputFormat.class);
        job.setOutputPath(new Path(args[1]));
        if (!job.waitForCompletion(true)) {
            return 1;
        }
        System.out.printf("teragen: %d rows, checksum %x%n", rows, job.counters().value(TeraGenCounter.CHECKSUM));
        return 0;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new TeraGen(), args));
    }

    /** Writes the row of each row number. */
    public static final class RowMapper extends Mapper<LongValue, NullValue, BytesValue, BytesValue> {
        private final byte[] record = new byte[TeraRecords.RECORD_LENGTH];
        private final BytesValue key = new BytesValue();
        private final BytesValue value = new BytesValue();
        private final CRC32 crc = new CRC32();
        private long checksum;

        @Override
        public void map(LongValue row, NullValue nothing, TaskContext<BytesValue, BytesValue> context)
                throws IOException, InterruptedException {
            TeraRecords.generate(row.get(), record, 0);
            checksum += TeraRecords.checksum(crc, record, 0, record, TeraRecords.KEY_LENGTH);
            key.set(record, 0, TeraRecords.KEY_LENGTH);
            value.set(record, TeraRecords.KEY_LENGTH, TeraRecords.VALUE_LENGTH);
            context.write(key, value);
        }

        @Override
        public void cleanup(TaskContext<BytesValue, BytesValue> context) {
            Counter counter = context.counter(TeraGenCounter.CHECKSUM);
            counter.increment(checksum);
        }
    }
}
