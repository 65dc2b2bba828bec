package io.quarry.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min and max of repeated measurements, printed in the same layout as the Hadoop harness. */
final class Stats {
    private Stats() {
    }

    static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format("median %.1f min %.1f max %.1f runs %d", median, sorted.get(0), sorted.get(n - 1), n);
    }

    static long parseSize(String text) {
        String s = text.trim().toUpperCase();
        long multiplier = 1;
        if (s.endsWith("G")) {
            multiplier = 1L << 30;
        } else if (s.endsWith("M")) {
            multiplier = 1L << 20;
        } else if (s.endsWith("K")) {
            multiplier = 1L << 10;
        }
        if (multiplier != 1) {
            s = s.substring(0, s.length() - 1);
        }
        return Long.parseLong(s) * multiplier;
    }
}
