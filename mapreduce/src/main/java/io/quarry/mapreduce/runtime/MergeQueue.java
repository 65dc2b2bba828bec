package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.RawComparator;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A k-way merge of sorted record iterators: a binary min-heap on each iterator's current key
 * (under byte order, its first 8 bytes kept as a long decide most comparisons). The
 * current record is the heap top's, read in place without copying. Closing closes the inputs and
 * runs {@code onClose}.
 */
final class MergeQueue implements RawRecordIterator {
    private final RawRecordIterator[] heap;
    private final long[] prefixes;
    private final boolean byteOrder;
    private final RawComparator comparator;
    private final AutoCloseable onClose;
    private int size;
    private boolean started;

    MergeQueue(List<RawRecordIterator> inputs, RawComparator comparator, AutoCloseable onClose) throws IOException {
        this.heap = new RawRecordIterator[inputs.size()];
        this.prefixes = new long[inputs.size()];
        this.byteOrder = comparator instanceof ByteOrderComparator;
        this.comparator = comparator;
        this.onClose = onClose;
        for (RawRecordIterator input : inputs) {
            if (input.next()) {
                prefixes[size] = prefix(input);
                heap[size++] = input;
            } else {
                input.close();
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    @Override
    public boolean next() throws IOException {
        if (!started) {
            started = true;
            return size > 0;
        }
        if (size == 0) {
            return false;
        }
        RawRecordIterator top = heap[0];
        if (top.next()) {
            prefixes[0] = prefix(top);
            siftDown(0);
        } else {
            top.close();
            heap[0] = heap[--size];
            prefixes[0] = prefixes[size];
            heap[size] = null;
            if (size > 0) {
                siftDown(0);
            }
        }
        return size > 0;
    }

    private void siftDown(int i) {
        RawRecordIterator moving = heap[i];
        long movingPrefix = prefixes[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], prefixes[child + 1], heap[child], prefixes[child])) {
                child++;
            }
            if (!less(heap[child], prefixes[child], moving, movingPrefix)) {
                break;
            }
            heap[i] = heap[child];
            prefixes[i] = prefixes[child];
            i = child;
        }
        heap[i] = moving;
        prefixes[i] = movingPrefix;
    }

    /** Under byte order, the first 8 key bytes (zero-padded, big-endian), compared before the bytes themselves. */
    private long prefix(RawRecordIterator it) {
        if (!byteOrder) {
            return 0;
        }
        byte[] b = it.keyBytes();
        int offset = it.keyOffset();
        int n = Math.min(8, it.keyLength());
        long p = 0;
        for (int k = 0; k < n; k++) {
            p |= (b[offset + k] & 0xFFL) << (56 - 8 * k);
        }
        return p;
    }

    private boolean less(RawRecordIterator a, long prefixA, RawRecordIterator b, long prefixB) {
        if (byteOrder) {
            if (prefixA != prefixB) {
                return Long.compareUnsigned(prefixA, prefixB) < 0;
            }
            int la = a.keyLength();
            int lb = b.keyLength();
            if (la <= 8 || lb <= 8) {
                return la < lb;
            }
            int oa = a.keyOffset();
            int ob = b.keyOffset();
            return Arrays.compareUnsigned(a.keyBytes(), oa + 8, oa + la, b.keyBytes(), ob + 8, ob + lb) < 0;
        }
        return comparator.compare(a.keyBytes(), a.keyOffset(), a.keyLength(), b.keyBytes(), b.keyOffset(), b.keyLength()) < 0;
    }

    @Override
    public byte[] keyBytes() {
        return heap[0].keyBytes();
    }

    @Override
    public int keyOffset() {
        return heap[0].keyOffset();
    }

    @Override
    public int keyLength() {
        return heap[0].keyLength();
    }

    @Override
    public byte[] valueBytes() {
        return heap[0].valueBytes();
    }

    @Override
    public int valueOffset() {
        return heap[0].valueOffset();
    }

    @Override
    public int valueLength() {
        return heap[0].valueLength();
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (int i = 0; i < size; i++) {
            try {
                heap[i].close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            heap[i] = null;
        }
        size = 0;
        if (onClose != null) {
            try {
                onClose.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            } catch (Exception e) {
                IOException wrapped = new IOException("cleanup after merge failed: " + e, e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
