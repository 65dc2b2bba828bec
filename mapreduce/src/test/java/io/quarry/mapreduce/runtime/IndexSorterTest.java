package io.quarry.mapreduce.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IndexSorterTest {

    private static void sortsLike(int[] values) {
        int[] sorted = values.clone();
        IndexSorter.sort(new IndexSorter.Sortable() {
            @Override
            public int compare(int i, int j) {
                return Integer.compare(sorted[i], sorted[j]);
            }

            @Override
            public void swap(int i, int j) {
                int t = sorted[i];
                sorted[i] = sorted[j];
                sorted[j] = t;
            }
        }, 0, sorted.length);
        int[] expected = values.clone();
        Arrays.sort(expected);
        assertThat(sorted).isEqualTo(expected);
    }

    @Test
    void sortsRandomSortedReversedAndConstantInputs() {
        Random random = new Random(Seeds.seed("sortsRandomSortedReversedAndConstantInputs"));
        for (int n : new int[] {0, 1, 2, 15, 16, 17, 100, 10_000, 200_000}) {
            sortsLike(random.ints(n).toArray());
            sortsLike(random.ints(n, 0, 3).toArray());
            sortsLike(java.util.stream.IntStream.range(0, n).toArray());
            sortsLike(java.util.stream.IntStream.range(0, n).map(i -> n - i).toArray());
            sortsLike(new int[n]);
        }
    }

    @Test
    void organPipeInputStaysFastThroughTheHeapsortFallback() {
        int n = 300_000;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < n / 2 ? i : n - i;
        }
        sortsLike(values);
    }
}
