package io.quarry.mapreduce.runtime;

/**
 * Sorts an array of record indices in place by an order on the indices: quicksort with a
 * median-of-three pivot, insertion sort for short ranges and heapsort when recursion goes too
 * deep, so no input takes quadratic time. Not stable.
 */
final class IndexSorter {
    private static final int INSERTION_THRESHOLD = 16;

    /** Compares the records with indices {@code a} and {@code b}. */
    interface Order {
        int compare(int a, int b);
    }

    private IndexSorter() {
    }

    static void sort(int[] a, int from, int to, Order order) {
        int depth = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from)));
        quicksort(a, from, to - 1, order, depth);
    }

    private static void quicksort(int[] a, int lo, int hi, Order order, int depth) {
        while (hi - lo >= INSERTION_THRESHOLD) {
            if (depth-- == 0) {
                heapsort(a, lo, hi + 1, order);
                return;
            }
            int mid = (lo + hi) >>> 1;
            if (order.compare(a[mid], a[lo]) < 0) {
                swap(a, mid, lo);
            }
            if (order.compare(a[hi], a[mid]) < 0) {
                swap(a, hi, mid);
                if (order.compare(a[mid], a[lo]) < 0) {
                    swap(a, mid, lo);
                }
            }
            int pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (order.compare(a[i], pivot) < 0) {
                    i++;
                }
                while (order.compare(a[j], pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // Recurse into the smaller side, loop on the larger.
            if (j - lo < hi - i) {
                quicksort(a, lo, j, order, depth);
                lo = i;
            } else {
                quicksort(a, i, hi, order, depth);
                hi = j;
            }
        }
        insertionSort(a, lo, hi, order);
    }

    private static void insertionSort(int[] a, int lo, int hi, Order order) {
        for (int i = lo + 1; i <= hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && order.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void heapsort(int[] a, int from, int to, Order order) {
        int n = to - from;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, from, i, n, order);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, from, from + end);
            siftDown(a, from, 0, end, order);
        }
    }

    private static void siftDown(int[] a, int base, int i, int n, Order order) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && order.compare(a[base + child + 1], a[base + child]) > 0) {
                child++;
            }
            if (order.compare(a[base + i], a[base + child]) >= 0) {
                return;
            }
            swap(a, base + i, base + child);
            i = child;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
