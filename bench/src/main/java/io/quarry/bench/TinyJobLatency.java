package io.quarry.bench;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.examples.WordCount;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Submit-to-finish time of WordCount over a 1 KiB file (the shared generator's
 * {@code words --size 1K}, as Hadoop's small-job figure uses), job after job from one client JVM:
 * the first job (cold client) and the median of the rest.
 */
final class TinyJobLatency {
    private TinyJobLatency() {
    }

    /** Per-job seconds, in submission order; every job must succeed. */
    static List<Double> measure(Configuration conf, String directory, byte[] text, int jobs) throws IOException, InterruptedException {
        Path dir = new Path(directory);
        Path input = new Path(dir, "in/words.txt");
        try (FileSystem fs = FileSystem.get(dir, conf)) {
            fs.delete(dir, true);
            try (OutputStream out = fs.create(input, true)) {
                out.write(text);
            }
        }
        List<Double> seconds = new ArrayList<>(jobs);
        for (int i = 0; i < jobs; i++) {
            Job job = Job.create(conf, "tiny-wordcount-" + i);
            job.setJarByClass(WordCount.class);
            job.setMapperClass(WordCount.TokenMapper.class);
            job.setCombinerClass(WordCount.SumReducer.class);
            job.setReducerClass(WordCount.SumReducer.class);
            job.setOutputKeyClass(Text.class);
            job.setOutputValueClass(LongValue.class);
            job.addInputPath(new Path(dir, "in"));
            job.setOutputPath(new Path(dir, "out-" + i));
            long start = System.nanoTime();
            boolean ok = job.waitForCompletion(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (!ok) {
                throw new IllegalStateException("tiny job " + i + " failed: " + job.status().failure());
            }
            seconds.add(elapsed);
        }
        try (FileSystem fs = FileSystem.get(dir, conf)) {
            fs.delete(dir, true);
        }
        return seconds;
    }
}
