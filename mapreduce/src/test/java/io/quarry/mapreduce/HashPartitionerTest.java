package io.quarry.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapreduce.io.Text;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HashPartitionerTest {
    enum Color { RED, GREEN }

    private final HashPartitioner<Object, Object> partitioner = new HashPartitioner<>();

    @Test
    void partitionsStayInRangeForNegativeHashes() {
        for (int i = -1000; i < 1000; i++) {
            assertThat(partitioner.partition(i * 7919L, null, 7)).isBetween(0, 6);
        }
        assertThat(partitioner.partition(Integer.MIN_VALUE, null, 3)).isBetween(0, 2);
    }

    @Test
    void byteArrayKeysPartitionByContentLikeText() {
        byte[] a = {1, 2, 3};
        byte[] b = {1, 2, 3};
        assertThat(partitioner.partition(a, null, 1000)).isEqualTo(partitioner.partition(b, null, 1000));
        Text text = new Text("hello");
        assertThat(partitioner.partition(java.util.Arrays.copyOf(text.bytes(), text.length()), null, 97))
                .isEqualTo(partitioner.partition(text, null, 97));
    }

    @Test
    void nullValueKeysAllGoToPartitionZero() {
        assertThat(partitioner.partition(io.quarry.mapreduce.io.NullValue.INSTANCE, null, 13)).isZero();
    }

    @Test
    void enumKeysPartitionByNameSoEveryProcessAgrees() {
        assertThat(partitioner.partition(Color.GREEN, null, 1000)).isEqualTo(("GREEN".hashCode() & Integer.MAX_VALUE) % 1000);
    }
}
