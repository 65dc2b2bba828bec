package io.quarry.mapreduce.partition;

/** Finds the partition of a serialized key among sorted split points. */
interface PartitionLookup {

    /** The number of split points at or before the key: its partition. */
    int partition(byte[] key, int offset, int length);
}
