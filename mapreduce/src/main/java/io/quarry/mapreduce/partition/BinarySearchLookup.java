package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.io.RawComparator;
import java.util.Objects;

/** Binary search with the job's comparator: works for any order. */
final class BinarySearchLookup implements PartitionLookup {
    private final SplitPoints points;
    private final RawComparator comparator;

    BinarySearchLookup(SplitPoints points, RawComparator comparator) {
        this.points = Objects.requireNonNull(points, "points is null");
        this.comparator = Objects.requireNonNull(comparator, "comparator is null");
    }

    @Override
    public int partition(byte[] key, int offset, int length) {
        return points.upperBound(comparator, key, offset, length, 0, points.count());
    }
}
