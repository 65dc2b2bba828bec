package io.quarry.mapreduce.io;

import java.util.Arrays;

/**
 * Unsigned lexicographic order of the bytes: the natural order of every built-in type, whose
 * encodings are chosen so that it is.
 */
public final class ByteOrderComparator implements RawComparator {
    public static final ByteOrderComparator INSTANCE = new ByteOrderComparator();

    @Override
    public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
        return Arrays.compareUnsigned(left, leftOffset, leftOffset + leftLength, right, rightOffset, rightOffset + rightLength);
    }
}
