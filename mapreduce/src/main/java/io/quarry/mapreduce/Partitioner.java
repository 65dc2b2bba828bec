package io.quarry.mapreduce;

/**
 * Chooses the reduce task of each intermediate record. Implementations that need the job's
 * configuration implement {@link Configurable}.
 */
public interface Partitioner<K, V> {

    /** A partition in {@code [0, numPartitions)}; the same for equal keys in every task. */
    int partition(K key, V value, int numPartitions);
}
