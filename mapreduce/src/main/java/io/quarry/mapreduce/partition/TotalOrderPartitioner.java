package io.quarry.mapreduce.partition;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Configurable;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Partitioner;
import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sends keys to reduce tasks by range, so the concatenated reduce outputs are globally sorted.
 * The ranges come from a partition file ({@link MapReduceConfigKeys#TOTAL_ORDER_PARTITION_FILE},
 * usually written by {@link InputSampler}) holding {@code numReduceTasks - 1} serialized split
 * points sorted by the job's sort comparator: a key goes to the partition counting the split
 * points at or before it. Keys in byte order are looked up through a prefix table, others by
 * binary search with the sort comparator. Partitioning allocates nothing per record.
 */
public final class TotalOrderPartitioner<K, V> implements Partitioner<K, V>, Configurable {
    private final OutputBuffer keyBytes = new OutputBuffer();
    private Serde<K> serde;
    private PartitionLookup lookup;
    private int splitPointCount = -1;
    private String partitionFile;

    /** Points the job at its partition file (and does not write it). */
    public static void setPartitionFile(Job job, Path path) {
        job.set(MapReduceConfigKeys.TOTAL_ORDER_PARTITION_FILE, path.toString());
    }

    /** The configured partition file. */
    public static Path partitionFile(Configuration conf) {
        String path = conf.getString(MapReduceConfigKeys.TOTAL_ORDER_PARTITION_FILE);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(MapReduceConfigKeys.TOTAL_ORDER_PARTITION_FILE.name()
                    + " is not set: the total-order partitioner needs a partition file (see InputSampler)");
        }
        return new Path(path);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Configuration conf) {
        Path path = partitionFile(conf);
        JobContext job = new JobContext(new JobId("partitioner", 0), conf, contextClassLoader());
        RawComparator comparator = job.sortComparator();
        List<byte[]> keys;
        try {
            keys = PartitionFile.read(path, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the partition file " + path + ": " + e.getMessage(), e);
        }
        SplitPoints points = SplitPoints.of(keys);
        int unordered = points.firstOutOfOrder(comparator);
        if (unordered >= 0) {
            throw new IllegalArgumentException("split points in partition file " + path + " are out of order under "
                    + comparator.getClass().getName() + ": point " + unordered + " sorts before point " + (unordered - 1));
        }
        serde = (Serde<K>) Serdes.forClass(job.mapOutputKeyClass());
        lookup = comparator instanceof ByteOrderComparator ? new PrefixTableLookup(points) : new BinarySearchLookup(points, comparator);
        splitPointCount = points.count();
        partitionFile = path.toString();
    }

    @Override
    public int partition(K key, V value, int numPartitions) {
        if (numPartitions != splitPointCount + 1) {
            throw new IllegalStateException(splitPointCount < 0 ? "TotalOrderPartitioner used before configure()"
                    : "partition file " + partitionFile + " has " + splitPointCount + " split points, for "
                    + (splitPointCount + 1) + " reduce tasks, but the job has " + numPartitions);
        }
        keyBytes.reset();
        serde.write(key, keyBytes);
        return lookup.partition(keyBytes.bytes(), 0, keyBytes.length());
    }

    static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : TotalOrderPartitioner.class.getClassLoader();
    }
}
