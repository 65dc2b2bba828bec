package io.quarry.examples.logs;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.examples.Usage;
import io.quarry.examples.WordCount;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Counts the HTTP status codes of Apache combined access logs per UTC hour: output lines are
 * {@code 2025-03-10T14 404<TAB>count}. Lines that do not parse are skipped and counted in the
 * {@link LogCounter#UNPARSABLE_LINES} counter.
 */
public final class LogStatusPerHour implements Tool {
    static final String USAGE = "Usage: logstatus [generic options] <input>... <output>";

    /** The job's own counters. */
    public enum LogCounter {
        PARSED_LINES,
        UNPARSABLE_LINES
    }

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length < 2) {
            return Usage.print(USAGE, "Counts status codes per hour in Apache combined access logs.", args);
        }
        List<String> inputs = Arrays.asList(args).subList(0, args.length - 1);
        return createJob(conf, inputs, args[args.length - 1]).waitForCompletion(true) ? 0 : 1;
    }

    /** The job over {@code inputs} (files, directories or globs) writing to {@code output}. */
    public Job createJob(Configuration conf, List<String> inputs, String output) {
        Job job = Job.create(conf, "logstatus");
        job.setJarByClass(LogStatusPerHour.class);
        job.setMapperClass(StatusMapper.class);
        job.setCombinerClass(WordCount.SumReducer.class);
        job.setReducerClass(WordCount.SumReducer.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(LongValue.class);
        for (String input : inputs) {
            job.addInputPath(new Path(input));
        }
        job.setOutputPath(new Path(output));
        return job;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new LogStatusPerHour(), args));
    }

    /** Emits ("hour status", 1) per parsable line. */
    public static final class StatusMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final AccessLogLine parser = new AccessLogLine();
        private final Text hourStatus = new Text();
        private final LongValue one = new LongValue(1);
        private Counter parsed;
        private Counter unparsable;

        @Override
        public void setup(TaskContext<Text, LongValue> context) {
            parsed = context.counter(LogCounter.PARSED_LINES);
            unparsable = context.counter(LogCounter.UNPARSABLE_LINES);
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context)
                throws IOException, InterruptedException {
            String hour = parser.parse(line.toString()) ? parser.utcHour() : null;
            if (hour == null) {
                unparsable.increment();
                return;
            }
            parsed.increment();
            context.write(hourStatus.set(hour + ' ' + parser.status()), one);
        }
    }
}
