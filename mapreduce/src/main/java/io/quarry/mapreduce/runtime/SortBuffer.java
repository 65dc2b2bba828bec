package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.RawComparator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One page of the map-side sort buffer: a single byte array whose serialized keys and values grow
 * from the front while fixed-size record metadata grows from the back, so records of any size
 * share the memory. Metadata per record: partition, key offset, key length, value length (the
 * value follows the key) and the first 16 key bytes as two big-endian longs, which decide most
 * comparisons under byte order without touching the record bytes (32 bytes, so entries never
 * straddle a cache line). Sorting moves the metadata
 * entries in place; no per-record objects exist.
 */
final class SortBuffer {
    static final int META_BYTES = 32;
    private static final int PARTITION = 0;
    private static final int KEY_START = 4;
    private static final int KEY_LENGTH = 8;
    private static final int VALUE_LENGTH = 12;
    private static final int PREFIX = 16;
    private static final int PREFIX2 = 24;
    private static final int PREFIX_BYTES = 16;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final byte[] buf;
    private final int softLimit;
    /** Keeps the prefetching loads of {@link Run} from being optimized away. */
    private int prefetchSink;
    private int dataEnd;
    private int count;
    private long dataBytes;

    /** A page of {@code capacity} bytes that asks to be spilled once {@code softLimit} of them are used. */
    SortBuffer(int capacity, int softLimit) {
        this.buf = new byte[capacity & ~7];
        this.softLimit = Math.min(softLimit, buf.length);
    }

    int capacity() {
        return buf.length;
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Bytes of keys and values held. */
    long dataBytes() {
        return dataBytes;
    }

    /** True when the page is filled past its spill threshold. */
    boolean wantsSpill() {
        return dataEnd + (long) count * META_BYTES >= softLimit;
    }

    /** Whether a record of {@code recordBytes} key plus value bytes fits in an empty page. */
    boolean fitsEmpty(int recordBytes) {
        return (long) recordBytes + META_BYTES <= buf.length;
    }

    /** Copies one record in; false (and nothing changed) when it does not fit. */
    boolean add(int partition, byte[] key, int keyLength, byte[] value, int valueLength) {
        int meta = buf.length - (count + 1) * META_BYTES;
        if ((long) dataEnd + keyLength + valueLength > meta) {
            return false;
        }
        int keyStart = dataEnd;
        System.arraycopy(key, 0, buf, keyStart, keyLength);
        System.arraycopy(value, 0, buf, keyStart + keyLength, valueLength);
        dataEnd = keyStart + keyLength + valueLength;
        INT.set(buf, meta + PARTITION, partition);
        INT.set(buf, meta + KEY_START, keyStart);
        INT.set(buf, meta + KEY_LENGTH, keyLength);
        INT.set(buf, meta + VALUE_LENGTH, valueLength);
        LONG.set(buf, meta + PREFIX, prefix(key, 0, keyLength));
        LONG.set(buf, meta + PREFIX2, prefix(key, 8, keyLength));
        count++;
        dataBytes += keyLength + valueLength;
        return true;
    }

    /** Key bytes {@code [from, from + 8)} as a big-endian long, zero-padded past the key's end. */
    private static long prefix(byte[] key, int from, int length) {
        long p = 0;
        int n = Math.min(from + 8, length);
        for (int i = from; i < n; i++) {
            p |= (key[i] & 0xFFL) << (56 - 8 * (i - from));
        }
        return p;
    }

    void reset() {
        dataEnd = 0;
        count = 0;
        dataBytes = 0;
    }

    /**
     * Sorts the records by partition, then key under {@code comparator}, by moving their metadata
     * entries; afterwards record {@code i} is the {@code i}-th in order. A first in-place radix
     * pass (American flag sort) distributes the entries into buckets by partition and, under byte
     * order, first key byte; quicksort then orders each bucket, which is small enough to stay in
     * the processor's caches.
     */
    void sort(RawComparator comparator) {
        boolean byteOrder = comparator instanceof ByteOrderComparator;
        MetaSortable order = byteOrder ? new BytePrefixOrder() : new ComparatorOrder(comparator);
        int maxPartition = 0;
        for (int i = 0; i < count; i++) {
            maxPartition = Math.max(maxPartition, partitionOf(i));
        }
        long buckets = (maxPartition + 1L) * (byteOrder ? 256 : 1);
        if (buckets == 1 || buckets > MAX_BUCKETS || count < 2 * buckets) {
            IndexSorter.sort(order, 0, count);
            return;
        }
        int[] starts = distribute((int) buckets, byteOrder, order);
        for (int b = 0; b < buckets; b++) {
            if (starts[b + 1] - starts[b] > 1) {
                IndexSorter.sort(order, starts[b], starts[b + 1]);
            }
        }
    }

    private static final int MAX_BUCKETS = 1 << 20;

    private int bucketOf(int record, boolean byteOrder) {
        int m = meta(record);
        int partition = (int) INT.get(buf, m + PARTITION);
        return byteOrder ? (partition << 8) | (int) ((long) LONG.get(buf, m + PREFIX) >>> 56) : partition;
    }

    /** Moves every entry into its bucket in place; returns the bucket boundaries (length buckets + 1). */
    private int[] distribute(int buckets, boolean byteOrder, MetaSortable order) {
        int[] starts = new int[buckets + 1];
        for (int i = 0; i < count; i++) {
            starts[bucketOf(i, byteOrder) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        int[] next = Arrays.copyOf(starts, buckets);
        for (int b = 0; b < buckets; b++) {
            int end = starts[b + 1];
            while (next[b] < end) {
                int i = next[b];
                int home = bucketOf(i, byteOrder);
                if (home == b) {
                    next[b]++;
                } else {
                    order.swap(i, next[home]++);
                }
            }
        }
        return starts;
    }

    private int meta(int record) {
        return buf.length - (record + 1) * META_BYTES;
    }

    int partitionOf(int record) {
        return (int) INT.get(buf, meta(record) + PARTITION);
    }

    int keyStart(int record) {
        return (int) INT.get(buf, meta(record) + KEY_START);
    }

    int keyLength(int record) {
        return (int) INT.get(buf, meta(record) + KEY_LENGTH);
    }

    int valueLength(int record) {
        return (int) INT.get(buf, meta(record) + VALUE_LENGTH);
    }

    byte[] bytes() {
        return buf;
    }

    /** Iterates sorted positions {@code [from, to)} as raw records. */
    RawRecordIterator iterator(int from, int to) {
        return new Run(from, to);
    }

    private abstract class MetaSortable implements IndexSorter.Sortable {
        @Override
        public final void swap(int a, int b) {
            int ma = meta(a);
            int mb = meta(b);
            for (int k = 0; k < META_BYTES; k += 8) {
                long t = (long) LONG.get(buf, ma + k);
                LONG.set(buf, ma + k, (long) LONG.get(buf, mb + k));
                LONG.set(buf, mb + k, t);
            }
        }
    }

    /**
     * Byte order: partition, then the 16-byte prefixes; on a tie, a key of at most 16 bytes is a
     * prefix of the other, so the lengths decide, and only two longer keys compare their bytes.
     */
    private final class BytePrefixOrder extends MetaSortable {
        @Override
        public int compare(int a, int b) {
            int ma = meta(a);
            int mb = meta(b);
            int c = Integer.compare((int) INT.get(buf, ma + PARTITION), (int) INT.get(buf, mb + PARTITION));
            if (c != 0) {
                return c;
            }
            c = Long.compareUnsigned((long) LONG.get(buf, ma + PREFIX), (long) LONG.get(buf, mb + PREFIX));
            if (c != 0) {
                return c;
            }
            c = Long.compareUnsigned((long) LONG.get(buf, ma + PREFIX2), (long) LONG.get(buf, mb + PREFIX2));
            if (c != 0) {
                return c;
            }
            int la = (int) INT.get(buf, ma + KEY_LENGTH);
            int lb = (int) INT.get(buf, mb + KEY_LENGTH);
            if (la <= PREFIX_BYTES || lb <= PREFIX_BYTES) {
                return Integer.compare(la, lb);
            }
            int sa = (int) INT.get(buf, ma + KEY_START);
            int sb = (int) INT.get(buf, mb + KEY_START);
            return Arrays.compareUnsigned(buf, sa + PREFIX_BYTES, sa + la, buf, sb + PREFIX_BYTES, sb + lb);
        }
    }

    private final class ComparatorOrder extends MetaSortable {
        private final RawComparator comparator;

        ComparatorOrder(RawComparator comparator) {
            this.comparator = comparator;
        }

        @Override
        public int compare(int a, int b) {
            int ma = meta(a);
            int mb = meta(b);
            int c = Integer.compare((int) INT.get(buf, ma + PARTITION), (int) INT.get(buf, mb + PARTITION));
            if (c != 0) {
                return c;
            }
            return comparator.compare(buf, (int) INT.get(buf, ma + KEY_START), (int) INT.get(buf, ma + KEY_LENGTH),
                    buf, (int) INT.get(buf, mb + KEY_START), (int) INT.get(buf, mb + KEY_LENGTH));
        }
    }

    /**
     * Reads records in sorted order, which is random order in memory. Every {@link #PREFETCH}
     * records it first touches the next ones' keys together, so their cache misses overlap instead
     * of stalling one record at a time.
     */
    private final class Run implements RawRecordIterator {
        private static final int PREFETCH = 16;
        private int next;
        private final int end;
        private int prefetchedTo;
        private int keyStart;
        private int keyLength;
        private int valueLength;

        Run(int from, int to) {
            this.next = from;
            this.end = to;
            this.prefetchedTo = from;
        }

        @Override
        public boolean next() {
            if (next >= end) {
                return false;
            }
            if (next >= prefetchedTo) {
                prefetch();
            }
            int m = meta(next++);
            keyStart = (int) INT.get(buf, m + KEY_START);
            keyLength = (int) INT.get(buf, m + KEY_LENGTH);
            valueLength = (int) INT.get(buf, m + VALUE_LENGTH);
            return true;
        }

        private void prefetch() {
            int to = Math.min(end, next + PREFETCH);
            int touched = 0;
            for (int r = next; r < to; r++) {
                touched += buf[(int) INT.get(buf, meta(r) + KEY_START)];
            }
            prefetchSink = touched;
            prefetchedTo = to;
        }

        @Override
        public byte[] keyBytes() {
            return buf;
        }

        @Override
        public int keyOffset() {
            return keyStart;
        }

        @Override
        public int keyLength() {
            return keyLength;
        }

        @Override
        public byte[] valueBytes() {
            return buf;
        }

        @Override
        public int valueOffset() {
            return keyStart + keyLength;
        }

        @Override
        public int valueLength() {
            return valueLength;
        }

        @Override
        public void close() {
        }
    }
}
