package io.quarry.minicluster.scheduler;

import java.io.IOException;

import io.quarry.common.conf.Configuration;
import io.quarry.examples.WordCount;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.dfs.Path;

/**
 * WordCount whose map or reduce attempts stop at a {@link Gates gate} before their first record
 * (for a reduce: after its shuffle), so a test can act while they are in the middle of a phase.
 */
final class GatedWordCount {
    static final String PHASE = "test.gate.phase";

    private GatedWordCount() {
    }

    /** The job; {@code gate} may be null (no waiting), {@code phase} is "map" or "reduce". */
    static Job create(Configuration conf, Path input, Path output, int reduces, Gates.Gate gate, String phase) {
        Job job = Job.create(conf, "gated-wordcount");
        job.setMapperClass(GatedTokenMapper.class);
        job.setCombinerClass(WordCount.SumReducer.class);
        job.setReducerClass(GatedSumReducer.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(LongValue.class);
        job.setNumReduceTasks(reduces);
        job.addInputPath(input);
        job.setOutputPath(output);
        if (gate != null) {
            job.set(Gates.KEY, gate.name);
            job.set(PHASE, phase);
        }
        return job;
    }

    private static void pass(TaskContext<?, ?> context, String phase) throws InterruptedException {
        if (phase.equals(context.configuration().get(PHASE))) {
            Gates.pass(context.configuration(), context.taskAttemptId().toString());
        }
    }

    public static final class GatedTokenMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final WordCount.TokenMapper tokens = new WordCount.TokenMapper();

        @Override
        public void setup(TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            pass(context, "map");
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            tokens.map(offset, line, context);
        }
    }

    public static final class GatedSumReducer extends Reducer<Text, LongValue, Text, LongValue> {
        private final WordCount.SumReducer sum = new WordCount.SumReducer();

        @Override
        public void setup(TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            pass(context, "reduce");
        }

        @Override
        public void reduce(Text word, Iterable<LongValue> counts, TaskContext<Text, LongValue> context)
                throws IOException, InterruptedException {
            sum.reduce(word, counts, context);
        }
    }
}
