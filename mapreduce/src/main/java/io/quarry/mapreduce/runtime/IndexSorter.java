package io.quarry.mapreduce.runtime;

/**
 * Sorts positions {@code [from, to)} of something that can compare and swap two positions (the
 * sort buffer's metadata entries): quicksort with a median-of-three pivot (partitioning three
 * ways, so runs of equal keys drop out at once, when the sample holds duplicates), insertion sort for
 * short ranges and heapsort when recursion goes too deep, so no input takes quadratic time. The
 * scans read neighbouring positions, which keeps a large buffer's sort cache-friendly. Not stable.
 */
final class IndexSorter {
    private static final int INSERTION_THRESHOLD = 16;

    /** What is sorted: positions compared and swapped in place. */
    interface Sortable {
        int compare(int i, int j);

        void swap(int i, int j);
    }

    private IndexSorter() {
    }

    static void sort(Sortable s, int from, int to) {
        int depth = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from)));
        quicksort(s, from, to - 1, depth);
    }

    private static void quicksort(Sortable s, int lo, int hi, int depth) {
        while (hi - lo >= INSERTION_THRESHOLD) {
            if (depth-- == 0) {
                heapsort(s, lo, hi + 1);
                return;
            }
            int mid = (lo + hi) >>> 1;
            // Median of three ends up at lo, the pivot position.
            if (s.compare(mid, lo) < 0) {
                s.swap(mid, lo);
            }
            if (s.compare(hi, mid) < 0) {
                s.swap(hi, mid);
                if (s.compare(mid, lo) < 0) {
                    s.swap(mid, lo);
                }
            }
            if (s.compare(lo, mid) == 0 || s.compare(mid, hi) == 0) {
                // The sample has duplicates: likely many keys equal the pivot, so set them all aside at once.
                s.swap(lo, mid);
                int lt = lo;
                int gt = hi;
                int i = lo + 1;
                while (i <= gt) {
                    int c = s.compare(i, lt);
                    if (c < 0) {
                        s.swap(lt++, i++);
                    } else if (c > 0) {
                        s.swap(i, gt--);
                    } else {
                        i++;
                    }
                }
                if (lt - lo < hi - gt) {
                    quicksort(s, lo, lt - 1, depth);
                    lo = gt + 1;
                } else {
                    quicksort(s, gt + 1, hi, depth);
                    hi = lt - 1;
                }
                continue;
            }
            s.swap(lo, mid);
            int i = lo;
            int j = hi + 1;
            while (true) {
                do {
                    i++;
                } while (i <= hi && s.compare(i, lo) < 0);
                do {
                    j--;
                } while (s.compare(j, lo) > 0);
                if (i >= j) {
                    break;
                }
                s.swap(i, j);
            }
            s.swap(lo, j);
            // Recurse into the smaller side, loop on the larger.
            if (j - lo < hi - j) {
                quicksort(s, lo, j - 1, depth);
                lo = j + 1;
            } else {
                quicksort(s, j + 1, hi, depth);
                hi = j - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && s.compare(j - 1, j) > 0; j--) {
                s.swap(j - 1, j);
            }
        }
    }

    private static void heapsort(Sortable s, int from, int to) {
        int n = to - from;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(s, from, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            s.swap(from, from + end);
            siftDown(s, from, 0, end);
        }
    }

    private static void siftDown(Sortable s, int base, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && s.compare(base + child + 1, base + child) > 0) {
                child++;
            }
            if (s.compare(base + i, base + child) >= 0) {
                return;
            }
            s.swap(base + i, base + child);
            i = child;
        }
    }
}
