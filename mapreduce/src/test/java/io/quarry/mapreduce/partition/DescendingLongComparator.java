package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.RawComparator;

/** Test sort order: byte-ordered keys, largest first. */
public final class DescendingLongComparator implements RawComparator {
    @Override
    public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
        return ByteOrderComparator.INSTANCE.compare(right, rightOffset, rightLength, left, leftOffset, leftLength);
    }
}
