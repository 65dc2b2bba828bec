package io.quarry.examples;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the matches of a regular expression in text input (or of one of its groups), then sorts
 * the matches by count, most frequent first: two jobs, as Hadoop's Grep. Output lines are
 * {@code count<TAB>match}.
 */
public final class Grep implements Tool {
    static final String USAGE = "Usage: grep [generic options] <input> <output> <regex> [<group>]";
    static final String PATTERN = "quarry.job.grep.pattern";
    static final String GROUP = "quarry.job.grep.group";

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length < 3 || args.length > 4) {
            return Usage.print(USAGE, "Counts regex matches (or the given group of each match), sorted by count.", args);
        }
        Pattern.compile(args[2]); // fail early, in the client, on a bad expression
        Path input = new Path(args[0]);
        Path output = new Path(args[1]);
        Path counts = WorkPaths.hiddenSibling(output, "grep-counts");
        try {
            Job count = Job.create(conf, "grep-search");
            count.setJarByClass(Grep.class);
            count.set(PATTERN, args[2]);
            count.set(GROUP, args.length == 4 ? args[3] : "0");
            count.setMapperClass(MatchMapper.class);
            count.setCombinerClass(WordCount.SumReducer.class);
            count.setReducerClass(WordCount.SumReducer.class);
            count.setOutputKeyClass(Text.class);
            count.setOutputValueClass(LongValue.class);
            count.addInputPath(input);
            count.setOutputPath(counts);
            if (!count.waitForCompletion(true)) {
                return 1;
            }
            Job sort = Job.create(conf, "grep-sort");
            sort.setJarByClass(Grep.class);
            sort.setMapperClass(SwapMapper.class);
            sort.setNumReduceTasks(1);
            sort.setSortComparatorClass(DescendingLongComparator.class);
            sort.setOutputKeyClass(LongValue.class);
            sort.setOutputValueClass(Text.class);
            sort.addInputPath(counts);
            sort.setOutputPath(output);
            return sort.waitForCompletion(true) ? 0 : 1;
        } finally {
            try (FileSystem fs = FileSystem.get(counts, conf)) {
                fs.delete(counts, true);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new Grep(), args));
    }

    /** Emits (match, 1) per match of the pattern in the line (or of the configured group). */
    public static final class MatchMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final Text match = new Text();
        private final LongValue one = new LongValue(1);
        private Matcher matcher;
        private int group;

        @Override
        public void setup(TaskContext<Text, LongValue> context) {
            Configuration conf = context.configuration();
            matcher = Pattern.compile(conf.get(PATTERN)).matcher("");
            group = Integer.parseInt(conf.get(GROUP));
            if (group < 0 || group > matcher.groupCount()) {
                throw new IllegalArgumentException("regex " + conf.get(PATTERN) + " has no group " + group
                        + " (it has " + matcher.groupCount() + ")");
            }
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context)
                throws IOException, InterruptedException {
            matcher.reset(line.toString());
            while (matcher.find()) {
                String found = matcher.group(group);
                if (found != null) {
                    context.write(match.set(found), one);
                }
            }
        }
    }

    /** Turns the first job's {@code match<TAB>count} lines into (count, match). */
    public static final class SwapMapper extends Mapper<LongValue, Text, LongValue, Text> {
        private final LongValue count = new LongValue();
        private final Text match = new Text();

        @Override
        public void map(LongValue offset, Text line, TaskContext<LongValue, Text> context)
                throws IOException, InterruptedException {
            byte[] bytes = line.bytes();
            int tab = line.length() - 1;
            while (tab >= 0 && bytes[tab] != '\t') {
                tab--;
            }
            if (tab < 0) {
                throw new IOException("expected 'match<TAB>count' in the counts of the first job, got: " + line);
            }
            count.set(Long.parseLong(new String(bytes, tab + 1, line.length() - tab - 1, java.nio.charset.StandardCharsets.US_ASCII)));
            context.write(count, match.set(bytes, 0, tab));
        }
    }

    /** Orders serialized {@link LongValue}s from the largest down (their bytes sort ascending). */
    public static final class DescendingLongComparator implements RawComparator {
        @Override
        public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
            return Arrays.compareUnsigned(right, rightOffset, rightOffset + rightLength, left, leftOffset, leftOffset + leftLength);
        }
    }
}
