package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.io.ByteOrderComparator;
import java.util.Objects;

/**
 * For keys in unsigned byte order: a table indexed by a key's first two bytes gives the split
 * points sharing that prefix, so most lookups touch the table and at most a few points instead of
 * searching them all (the role of Hadoop's trie).
 *
 * <p>Keys shorter than two bytes are padded with zeros. A padded prefix that is smaller than
 * another's still means the key is smaller (a shorter key that is a prefix of a longer one sorts
 * first), so every point whose prefix is below the key's sorts at or before it and every point
 * whose prefix is above sorts after it; only points with the same prefix need comparing.
 */
final class PrefixTableLookup implements PartitionLookup {
    private static final int PREFIXES = 1 << 16;

    private final SplitPoints points;
    /** {@code firstAtOrAbove[p]}: index of the first point whose prefix is at least {@code p}. */
    private final int[] firstAtOrAbove = new int[PREFIXES + 1];

    PrefixTableLookup(SplitPoints points) {
        this.points = Objects.requireNonNull(points, "points is null");
        int prefix = 0;
        for (int i = 0; i < points.count(); i++) {
            int pointPrefix = prefix(points.data(), points.offset(i), points.length(i));
            while (prefix <= pointPrefix) {
                firstAtOrAbove[prefix++] = i;
            }
        }
        while (prefix <= PREFIXES) {
            firstAtOrAbove[prefix++] = points.count();
        }
    }

    @Override
    public int partition(byte[] key, int offset, int length) {
        int prefix = prefix(key, offset, length);
        int from = firstAtOrAbove[prefix];
        int to = firstAtOrAbove[prefix + 1];
        return from == to ? from : points.upperBound(ByteOrderComparator.INSTANCE, key, offset, length, from, to);
    }

    private static int prefix(byte[] key, int offset, int length) {
        int high = length > 0 ? key[offset] & 0xFF : 0;
        int low = length > 1 ? key[offset + 1] & 0xFF : 0;
        return (high << 8) | low;
    }
}
