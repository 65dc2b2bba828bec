package io.quarry.mapreduce.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.io.ByteOrderComparator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PartitionLookupTest {

    @Test
    void prefixTableAgreesWithBinarySearchOnShortLongAndSharedPrefixKeys() {
        Random random = new Random(Seeds.seed("prefix-table"));
        for (int round = 0; round < 20; round++) {
            List<byte[]> points = new ArrayList<>();
            int count = random.nextInt(200);
            for (int i = 0; i < count; i++) {
                points.add(randomKey(random));
            }
            points.sort(Arrays::compareUnsigned);
            SplitPoints split = SplitPoints.of(points);
            PartitionLookup table = new PrefixTableLookup(split);
            PartitionLookup search = new BinarySearchLookup(split, ByteOrderComparator.INSTANCE);
            List<byte[]> probes = new ArrayList<>(points);
            for (byte[] point : points) {
                probes.add(Arrays.copyOf(point, point.length + 1));
                if (point.length > 0) {
                    probes.add(Arrays.copyOf(point, point.length - 1));
                }
            }
            for (int i = 0; i < 5000; i++) {
                probes.add(randomKey(random));
            }
            for (byte[] probe : probes) {
                byte[] padded = new byte[probe.length + 6];
                System.arraycopy(probe, 0, padded, 3, probe.length);
                int expected = search.partition(probe, 0, probe.length);
                assertThat(table.partition(padded, 3, probe.length)).as("key %s", Arrays.toString(probe)).isEqualTo(expected);
                assertThat(expected).isEqualTo(naive(points, probe));
            }
        }
    }

    @Test
    void partitionFileRoundTripsEmptyAndBinaryKeys() throws IOException {
        List<byte[]> keys = List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xFF, 1, 2});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PartitionFile.write(out, keys);
        List<byte[]> read = PartitionFile.read(new ByteArrayInputStream(out.toByteArray()), "p");
        assertThat(read).hasSize(3);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(read.get(i)).isEqualTo(keys.get(i));
        }
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        PartitionFile.write(empty, List.of());
        assertThat(PartitionFile.read(new ByteArrayInputStream(empty.toByteArray()), "p")).isEmpty();
    }

    @Test
    void everyTruncationOfAPartitionFileIsAnError() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PartitionFile.write(out, List.of(new byte[] {1, 2, 3}, new byte[] {4, 5}));
        byte[] bytes = out.toByteArray();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> PartitionFile.read(new ByteArrayInputStream(truncated), "part.lst"))
                    .as("cut at %d", cut).isInstanceOf(IOException.class).hasMessageContaining("part.lst");
        }
    }

    @Test
    void splitPointsAreSpreadEvenlyAndKeptDistinct() throws IOException {
        List<byte[]> sorted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sorted.add(new byte[] {(byte) i});
        }
        assertThat(InputSampler.chooseSplitPoints(sorted, 4, ByteOrderComparator.INSTANCE))
                .extracting(b -> (int) b[0]).containsExactly(25, 50, 75);
        List<byte[]> twoValues = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            twoValues.add(new byte[] {(byte) (i < 8 ? 1 : 2)});
        }
        assertThat(InputSampler.chooseSplitPoints(twoValues, 5, ByteOrderComparator.INSTANCE))
                .extracting(b -> (int) b[0]).containsExactly(1, 2, 2, 2);
        assertThat(InputSampler.chooseSplitPoints(List.of(), 1, ByteOrderComparator.INSTANCE)).isEmpty();
    }

    private static int naive(List<byte[]> points, byte[] key) {
        int n = 0;
        for (byte[] point : points) {
            if (Arrays.compareUnsigned(point, key) <= 0) {
                n++;
            }
        }
        return n;
    }

    /** Keys over a tiny alphabet, so prefixes are shared and duplicates common. */
    private static byte[] randomKey(Random random) {
        byte[] key = new byte[random.nextInt(6)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) new int[] {0, 1, 0x7F, 0x80, 0xFF}[random.nextInt(5)];
        }
        return key;
    }
}
