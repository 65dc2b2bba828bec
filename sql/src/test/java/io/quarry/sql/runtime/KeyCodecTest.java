package io.quarry.sql.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.sql.runtime.expr.Values;

@Timeout(30)
class KeyCodecTest {
    private static final Kind[] KINDS = {Kind.STRING, Kind.BIGINT, Kind.DOUBLE, Kind.INT};

    @Test
    void byteOrderOfEncodedKeysIsTheSqlOrderWithDirectionsAndNullPlacement() {
        Random random = new Random(Seeds.seed("KeyCodecTest.byteOrder"));
        boolean[] descending = {false, true, false, true};
        boolean[] nullsFirst = {true, false, false, true};
        KeyCodec codec = new KeyCodec(KINDS, descending, nullsFirst);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new Object[] {random.nextInt(5) == 0 ? null : randomString(random),
                    random.nextInt(5) == 0 ? null : (long) random.nextInt(7) - 3,
                    random.nextInt(5) == 0 ? null : random.nextInt(9) / 4.0 - 1,
                    random.nextInt(5) == 0 ? null : random.nextInt(5) - 2});
        }
        List<Object[]> bySql = new ArrayList<>(rows);
        bySql.sort(sqlOrder(descending, nullsFirst));
        List<Object[]> byBytes = new ArrayList<>(rows);
        byBytes.sort(Comparator.comparing(r -> bytes(codec, r), Arrays::compareUnsigned));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(sqlOrder(descending, nullsFirst).compare(bySql.get(i), byBytes.get(i))).as("row %d", i).isZero();
        }
    }

    @Test
    void keysDecodeToTheirValues() {
        Kind[] kinds = {Kind.STRING, Kind.INT, Kind.BIGINT, Kind.DOUBLE, Kind.BOOLEAN, Kind.DATE, Kind.TIMESTAMP, Kind.STRING};
        KeyCodec codec = new KeyCodec(kinds, new boolean[] {true, false, true, false, true, false, true, false},
                new boolean[8]);
        Object[] row = {"a\u0000b\u00e9", -7, Long.MIN_VALUE, -0.5, true, LocalDate.of(2025, 3, 13),
                LocalDateTime.of(2025, 3, 13, 14, 3, 7, 123), null};
        BytesValue key = codec.encode(row, new BytesValue());
        Object[] back = new Object[8];
        codec.decode(key.bytes(), 0, key.length(), back, 0);
        assertThat(back).containsExactly(row);
    }

    @Test
    void intAndBigintOfTheSameNumberAreTheSameKey() {
        KeyCodec asInt = KeyCodec.grouping(new Kind[] {Kind.INT});
        KeyCodec asLong = KeyCodec.grouping(new Kind[] {Kind.BIGINT});
        assertThat(bytes(asInt, new Object[] {42})).isEqualTo(bytes(asLong, new Object[] {42L}));
    }

    @Test
    void rowsRoundTripThroughTheRowCodec() {
        Object[] row = {null, "x", 1, 2L, 3.5, true, false, LocalDate.of(2025, 1, 2), LocalDateTime.of(2025, 1, 2, 3, 4, 5, 6)};
        BytesValue bytes = new RowCodec().encode(row, row.length, new BytesValue());
        assertThat(RowCodec.decode(bytes)).containsExactly(row);
        BytesValue tagged = new RowCodec().encodeTagged(1, row, row.length, new BytesValue());
        assertThat(RowCodec.tag(tagged)).isEqualTo(1);
        assertThat(RowCodec.decodeTagged(tagged)).containsExactly(row);
    }

    private static byte[] bytes(KeyCodec codec, Object[] row) {
        BytesValue value = codec.encode(row, new BytesValue());
        return Arrays.copyOf(value.bytes(), value.length());
    }

    private static String randomString(Random random) {
        int n = random.nextInt(4);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("\u0000ab\u00ff".charAt(random.nextInt(4)));
        }
        return s.toString();
    }

    private static Comparator<Object[]> sqlOrder(boolean[] descending, boolean[] nullsFirst) {
        return (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                Object x = a[i];
                Object y = b[i];
                int c;
                if (x == null || y == null) {
                    c = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
                } else {
                    c = Values.compare(x, y);
                    if (descending[i]) {
                        c = -c;
                    }
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }
}
