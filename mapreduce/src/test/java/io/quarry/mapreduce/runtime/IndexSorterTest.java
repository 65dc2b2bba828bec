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
        int[] indices = new int[values.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        IndexSorter.sort(indices, 0, indices.length, (a, b) -> Integer.compare(values[a], values[b]));
        int[] sorted = new int[values.length];
        for (int i = 0; i < indices.length; i++) {
            sorted[i] = values[indices[i]];
        }
        int[] expected = values.clone();
        Arrays.sort(expected);
        assertThat(sorted).isEqualTo(expected);
        assertThat(Arrays.stream(indices).sorted().toArray()).as("a permutation").isEqualTo(
                java.util.stream.IntStream.range(0, values.length).toArray());
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
