package io.quarry.mapreduce.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.RawComparator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SortBufferTest {
    private record Rec(int partition, byte[] key, byte[] value) {
    }

    /** Keys over a tiny alphabet with zero bytes, around the 8- and 16-byte prefix lengths, so prefixes tie often. */
    private static List<Rec> trickyRecords(Random random, int count) {
        byte[] alphabet = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF};
        List<Rec> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(4) == 0 ? random.nextInt(40) : 6 + random.nextInt(14);
            byte[] key = new byte[length];
            for (int k = 0; k < length; k++) {
                key[k] = alphabet[random.nextInt(random.nextBoolean() ? 2 : alphabet.length)];
            }
            records.add(new Rec(random.nextInt(4), key, new byte[] {(byte) i}));
        }
        return records;
    }

    private static List<Rec> sortThrough(List<Rec> records, RawComparator comparator) {
        SortBuffer buffer = new SortBuffer(1 << 20, 1 << 20);
        for (Rec r : records) {
            assertThat(buffer.add(r.partition(), r.key(), r.key().length, r.value(), r.value().length)).isTrue();
        }
        buffer.sort(comparator);
        List<Rec> sorted = new ArrayList<>();
        byte[] b = buffer.bytes();
        for (int i = 0; i < buffer.count(); i++) {
            int start = buffer.keyStart(i);
            int length = buffer.keyLength(i);
            sorted.add(new Rec(buffer.partitionOf(i), Arrays.copyOfRange(b, start, start + length),
                    Arrays.copyOfRange(b, start + length, start + length + buffer.valueLength(i))));
        }
        return sorted;
    }

    private static void assertSameKeys(List<Rec> actual, List<Rec> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).partition()).as("partition at %d", i).isEqualTo(expected.get(i).partition());
            assertThat(actual.get(i).key()).as("key at %d", i).isEqualTo(expected.get(i).key());
        }
    }

    @Test
    void byteOrderSortMatchesUnsignedLexicographicOrderAcrossPrefixTies() {
        Random random = new Random(Seeds.seed("byteOrderSortMatchesUnsignedLexicographicOrderAcrossPrefixTies"));
        List<Rec> records = trickyRecords(random, 20_000);
        List<Rec> expected = new ArrayList<>(records);
        expected.sort(Comparator.comparingInt(Rec::partition).thenComparing(Rec::key, Arrays::compareUnsigned));

        List<Rec> sorted = sortThrough(records, ByteOrderComparator.INSTANCE);
        assertSameKeys(sorted, expected);
        assertThat(sorted).extracting(r -> r.value()[0]).as("values travel with their keys")
                .containsExactlyInAnyOrderElementsOf(records.stream().map(r -> r.value()[0]).toList());
    }

    @Test
    void customComparatorDecidesTheOrderWithinAPartition() {
        Random random = new Random(Seeds.seed("customComparatorDecidesTheOrderWithinAPartition"));
        List<Rec> records = trickyRecords(random, 5_000);
        RawComparator reversed = (l, lo, ll, r, ro, rl) -> Arrays.compareUnsigned(r, ro, ro + rl, l, lo, lo + ll);
        List<Rec> expected = new ArrayList<>(records);
        expected.sort(Comparator.comparingInt(Rec::partition).thenComparing(Rec::key, (a, b) -> Arrays.compareUnsigned(b, a)));

        assertSameKeys(sortThrough(records, reversed), expected);
    }

    @Test
    void refusesARecordThatDoesNotFitAndKeepsTheOthers() {
        SortBuffer buffer = new SortBuffer(1024, 900);
        byte[] key = new byte[100];
        int added = 0;
        while (buffer.add(0, key, key.length, new byte[0], 0)) {
            added++;
        }
        assertThat(added).isEqualTo(1024 / (100 + SortBuffer.META_BYTES));
        assertThat(buffer.count()).isEqualTo(added);
        assertThat(buffer.wantsSpill()).isTrue();
    }
}
