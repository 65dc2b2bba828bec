package io.quarry.examples;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;

/**
 * Counts each word of text input: the words are the runs of bytes between the whitespace
 * characters space, tab, newline, carriage return and form feed (Hadoop's WordCount splits the
 * same way), and the output is {@code word<TAB>count}, sorted by word within each part file.
 */
public final class WordCount implements Tool {
    static final String USAGE = "Usage: wordcount [generic options] <input>... <output>";

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length < 2) {
            return Usage.print(USAGE, "Counts the words of text files (sum combiner on).", args);
        }
        Job job = Job.create(conf, "wordcount");
        job.setJarByClass(WordCount.class);
        job.setMapperClass(TokenMapper.class);
        job.setCombinerClass(SumReducer.class);
        job.setReducerClass(SumReducer.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(LongValue.class);
        for (int i = 0; i < args.length - 1; i++) {
            job.addInputPath(new Path(args[i]));
        }
        job.setOutputPath(new Path(args[args.length - 1]));
        return job.waitForCompletion(true) ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new WordCount(), args));
    }

    /** Emits (word, 1) per token, scanning the line's bytes into one reused {@link Text}. */
    public static final class TokenMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final Text word = new Text();
        private final LongValue one = new LongValue(1);

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context)
                throws IOException, InterruptedException {
            byte[] bytes = line.bytes();
            int end = line.length();
            int i = 0;
            while (i < end) {
                while (i < end && isDelimiter(bytes[i])) {
                    i++;
                }
                int start = i;
                while (i < end && !isDelimiter(bytes[i])) {
                    i++;
                }
                if (i > start) {
                    word.set(bytes, start, i - start);
                    context.write(word, one);
                }
            }
        }

        /** Space, tab, newline, form feed or carriage return (not the vertical tab, as StringTokenizer). */
        static boolean isDelimiter(byte b) {
            return b == ' ' || (b >= '\t' && b <= '\r' && b != 0x0B);
        }
    }

    /** Sums the counts of a word; the combiner and the reducer. */
    public static final class SumReducer extends Reducer<Text, LongValue, Text, LongValue> {
        private final LongValue sum = new LongValue();

        @Override
        public void reduce(Text word, Iterable<LongValue> counts, TaskContext<Text, LongValue> context)
                throws IOException, InterruptedException {
            long total = 0;
            for (LongValue count : counts) {
                total += count.get();
            }
            context.write(word, sum.set(total));
        }
    }
}
