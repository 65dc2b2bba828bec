package io.quarry.examples.tera;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.examples.Usage;
import io.quarry.examples.WorkPaths;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.partition.InputSampler;
import io.quarry.mapreduce.partition.SplitSampler;
import io.quarry.mapreduce.partition.TotalOrderPartitioner;

/**
 * Sorts TeraGen rows by their 10-byte keys into globally ordered part files: a sample of the input
 * keys gives the split points between the reduce tasks' key ranges, and a total-order partitioner
 * sends each row to its range. The map and reduce functions are the identity; the sort is the
 * framework's, on the raw key bytes. Reduce tasks: {@code mapreduce.job.reduces}.
 */
public final class TeraSort implements Tool {
    static final String USAGE = "Usage: terasort [generic options] <input> <output>\n"
            + "  -D mapreduce.job.reduces=N   reduce tasks, i.e. sorted part files (default 1)\n"
            + "  -D " + TeraSort.SAMPLE_SIZE + "=N   keys sampled for the split points (default 100000)";
    static final String SAMPLE_SIZE = "quarry.job.terasort.sample-size";
    static final int DEFAULT_SAMPLE_SIZE = 100_000;
    static final int SPLITS_SAMPLED = 10;

    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (Usage.helpRequested(args) || args.length != 2) {
            return Usage.print(USAGE, "Sorts TeraGen rows into globally ordered part files.", args);
        }
        Path input = new Path(args[0]);
        Path output = new Path(args[1]);
        Path partitions = WorkPaths.hiddenSibling(output, "partitions");
        Job job = Job.create(conf, "terasort");
        job.setJarByClass(TeraSort.class);
        job.setInputFormatClass(TeraInputFormat.class);
        job.setOutputFormatClass(TeraOutputFormat.class);
        job.setOutputKeyClass(BytesValue.class);
        job.setOutputValueClass(BytesValue.class);
        job.setPartitionerClass(TotalOrderPartitioner.class);
        job.addInputPath(input);
        job.setOutputPath(output);
        TotalOrderPartitioner.setPartitionFile(job, partitions);
        try {
            String sampleSetting = conf.get(SAMPLE_SIZE);
            int samples = sampleSetting == null ? DEFAULT_SAMPLE_SIZE : Integer.parseInt(sampleSetting);
            long start = System.nanoTime();
            InputSampler.writePartitionFile(job, new SplitSampler(samples, SPLITS_SAMPLED));
            System.err.printf("terasort: sampled the split points in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return job.waitForCompletion(true) ? 0 : 1;
        } finally {
            try (FileSystem fs = FileSystem.get(partitions, conf)) {
                fs.delete(partitions, false);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new TeraSort(), args));
    }
}
