package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.io.RawComparator;
import java.util.List;

/** Serialized split points packed into one array, in their sorted order. Immutable. */
final class SplitPoints {
    private final byte[] data;
    /** {@code offsets[i]} is where point {@code i} starts; {@code offsets[count]} is the end. */
    private final int[] offsets;

    private SplitPoints(byte[] data, int[] offsets) {
        this.data = data;
        this.offsets = offsets;
    }

    static SplitPoints of(List<byte[]> keys) {
        long total = 0;
        for (byte[] key : keys) {
            total += key.length;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("split points of " + total + " bytes do not fit one array");
        }
        byte[] data = new byte[(int) total];
        int[] offsets = new int[keys.size() + 1];
        int pos = 0;
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i);
            offsets[i] = pos;
            System.arraycopy(key, 0, data, pos, key.length);
            pos += key.length;
        }
        offsets[keys.size()] = pos;
        return new SplitPoints(data, offsets);
    }

    int count() {
        return offsets.length - 1;
    }

    byte[] data() {
        return data;
    }

    int offset(int index) {
        return offsets[index];
    }

    int length(int index) {
        return offsets[index + 1] - offsets[index];
    }

    /** The index of the first point in {@code [from, to)} that sorts after the key; {@code to} when none does. */
    int upperBound(RawComparator comparator, byte[] key, int keyOffset, int keyLength, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int start = offsets[mid];
            if (comparator.compare(data, start, offsets[mid + 1] - start, key, keyOffset, keyLength) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose point sorts before its predecessor, or -1 when the points are in order. */
    int firstOutOfOrder(RawComparator comparator) {
        for (int i = 1; i < count(); i++) {
            if (comparator.compare(data, offsets[i - 1], length(i - 1), data, offsets[i], length(i)) > 0) {
                return i;
            }
        }
        return -1;
    }
}
