package io.quarry.mapreduce;

/** The default partitioner: the key's {@code hashCode}, which must be stable across processes. */
public final class HashPartitioner<K, V> implements Partitioner<K, V> {

    @Override
    public int partition(K key, V value, int numPartitions) {
        return (key.hashCode() & Integer.MAX_VALUE) % numPartitions;
    }
}
