package io.quarry.mapreduce.partition;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.io.RawComparator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a total-order job's split points from a sample of its input and writes them to the
 * job's partition file, for {@link TotalOrderPartitioner}:
 *
 * <pre>{@code
 * job.setPartitionerClass(TotalOrderPartitioner.class);
 * TotalOrderPartitioner.setPartitionFile(job, new Path(workDir, "_partitions"));
 * InputSampler.writePartitionFile(job, new RandomSampler(0.1, 10_000, 10, seed));
 * }</pre>
 */
public final class InputSampler {
    private static final Logger LOG = LoggerFactory.getLogger(InputSampler.class);

    private InputSampler() {
    }

    /**
     * Samples the job's input with {@code sampler}, sorts the sample with the job's sort
     * comparator and writes {@code numReduceTasks - 1} split points that divide it evenly.
     */
    public static void writePartitionFile(Job job, Sampler sampler) throws IOException {
        Configuration conf = job.configuration();
        Path path = TotalOrderPartitioner.partitionFile(conf);
        JobContext context = new JobContext(new JobId("sampler", 0), conf, TotalOrderPartitioner.contextClassLoader());
        int partitions = context.numReduceTasks();
        RawComparator comparator = context.sortComparator();
        long start = System.nanoTime();
        InputFormat<?, ?> format = context.newInstance(context.inputFormatClass());
        List<byte[]> samples = new ArrayList<>(sampler.sample(format, context));
        samples.sort((a, b) -> comparator.compare(a, 0, a.length, b, 0, b.length));
        List<byte[]> splitPoints = chooseSplitPoints(samples, partitions, comparator);
        PartitionFile.write(path, conf, splitPoints);
        LOG.info("Wrote {} split points for {} reduce tasks from {} sampled keys to {} in {} ms", splitPoints.size(),
                partitions, samples.size(), path, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * {@code partitions - 1} points that cut the sorted sample into equal runs. Points are kept
     * distinct while the sample allows; with fewer distinct keys than partitions the last point
     * repeats, leaving some partitions empty.
     */
    static List<byte[]> chooseSplitPoints(List<byte[]> sorted, int partitions, RawComparator comparator) throws IOException {
        List<byte[]> points = new ArrayList<>(Math.max(0, partitions - 1));
        if (partitions <= 1) {
            return points;
        }
        if (sorted.isEmpty()) {
            throw new IOException("the sample of the input is empty: cannot choose " + (partitions - 1)
                    + " split points for " + partitions + " reduce tasks (is the input empty, or the sampling frequency too low?)");
        }
        int size = sorted.size();
        double step = size / (double) partitions;
        int last = -1;
        for (int i = 1; i < partitions; i++) {
            int k = Math.max(Math.min((int) Math.round(step * i), size - 1), Math.max(last, 0));
            if (last >= 0) {
                while (k < size && same(comparator, sorted.get(k), sorted.get(last))) {
                    k++;
                }
                if (k == size) {
                    k = last;
                }
            }
            points.add(sorted.get(k));
            last = k;
        }
        return points;
    }

    private static boolean same(RawComparator comparator, byte[] a, byte[] b) {
        return comparator.compare(a, 0, a.length, b, 0, b.length) == 0;
    }
}
