package io.quarry.examples.join;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.examples.Usage;
import io.quarry.examples.logs.AccessLogLine;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Map;

/**
 * Map-side (broadcast) join of access-log lines with the small ip-prefix → country table: every
 * map task loads the whole table into memory in {@code setup} and joins its split on its own; no
 * shuffle, no reducers. An inner join on the first two octets of the client's IPv4 address
 * (lines that do not parse, IPv6 clients and unknown prefixes drop out). Output lines:
 * {@code country_code<TAB>country_name<TAB>log line}, the same rows as {@link ReduceSideJoin}.
 */
public final class BroadcastJoin implements Tool {
    static final String USAGE = "Usage: broadcastjoin [generic options] <access logs> <ip_country table> <output>";

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length != 3) {
            return Usage.print(USAGE, "Joins access logs with the ip-prefix country table in the map tasks.", args);
        }
        Job job = Job.create(conf, "broadcastjoin");
        job.setJarByClass(BroadcastJoin.class);
        job.set(CountryTable.TABLE_PATH, args[1]);
        job.setMapperClass(JoinMapper.class);
        job.setNumReduceTasks(0);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(Text.class);
        job.addInputPath(new Path(args[0]));
        job.setOutputPath(new Path(args[2]));
        return job.waitForCompletion(true) ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new BroadcastJoin(), args));
    }

    /** Looks each log line's prefix up in the table loaded at setup. */
    public static final class JoinMapper extends Mapper<LongValue, Text, Text, Text> {
        private final AccessLogLine parser = new AccessLogLine();
        private final Text country = new Text();
        private Map<String, String> countries;

        @Override
        public void setup(TaskContext<Text, Text> context) throws IOException {
            Configuration conf = context.configuration();
            String table = conf.get(CountryTable.TABLE_PATH);
            if (table == null) {
                throw new IllegalArgumentException("set " + CountryTable.TABLE_PATH + " to the ip_country table");
            }
            countries = CountryTable.load(new Path(table), conf);
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, Text> context)
                throws IOException, InterruptedException {
            if (!parser.parse(line.toString())) {
                return;
            }
            String prefix = AccessLogLine.ipv4Prefix(parser.ip());
            String match = prefix == null ? null : countries.get(prefix);
            if (match != null) {
                context.write(country.set(match), line);
            }
        }
    }
}
