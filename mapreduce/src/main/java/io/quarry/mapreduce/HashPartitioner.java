package io.quarry.mapreduce;

import io.quarry.mapreduce.io.Text;

/**
 * The default partitioner: the key's {@code hashCode}, which must be stable across processes.
 * Two built-in cases whose {@code hashCode} is not are handled here: {@code byte[]} keys hash
 * their contents (as {@link io.quarry.mapreduce.io.BytesValue} does) and enum keys their name.
 */
public final class HashPartitioner<K, V> implements Partitioner<K, V> {

    @Override
    public int partition(K key, V value, int numPartitions) {
        int hash;
        if (key instanceof byte[] bytes) {
            hash = Text.hashBytes(bytes, 0, bytes.length);
        } else if (key instanceof Enum<?> constant) {
            hash = constant.name().hashCode();
        } else {
            hash = key.hashCode();
        }
        return (hash & Integer.MAX_VALUE) % numPartitions;
    }
}
