package io.quarry.mapreduce;

import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Serde;

/** Orders keys whose bytes carry no order by deserializing both and calling {@code compareTo}. */
final class DeserializingComparator<T> implements RawComparator {
    private final Serde<T> leftSerde;
    private final Serde<T> rightSerde;

    DeserializingComparator(Serde<T> leftSerde, Serde<T> rightSerde) {
        this.leftSerde = leftSerde;
        this.rightSerde = rightSerde;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
        Comparable<T> a = (Comparable<T>) leftSerde.read(left, leftOffset, leftLength, null);
        T b = rightSerde.read(right, rightOffset, rightLength, null);
        return a.compareTo(b);
    }
}
