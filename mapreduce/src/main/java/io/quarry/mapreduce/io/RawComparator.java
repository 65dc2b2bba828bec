package io.quarry.mapreduce.io;

/**
 * Orders serialized keys without deserializing them, so the sort and the merge work on bytes.
 * A comparator used as a job's sort or grouping comparator needs a public no-argument
 * constructor.
 */
@FunctionalInterface
public interface RawComparator {

    int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength);
}
