package io.quarry.mapreduce.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.testing.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SerdesTest {
    private static final double[] SPECIAL_DOUBLES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0};
    private static final long[] SPECIAL_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 255, 256, -256};
    private static final int[] SPECIAL_INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 255, 256, -256};

    @Test
    void longsRoundTripAndSortByBytes() {
        Random random = new Random(Seeds.seed("longs"));
        List<Long> values = new ArrayList<>();
        for (long special : SPECIAL_LONGS) {
            values.add(special);
        }
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextBoolean() ? random.nextLong() : random.nextInt(2000) - 1000L);
        }
        checkRoundTripAndOrder(Long.class, values, Long::equals, Long::compare);
        checkRoundTripAndOrder(LongValue.class, map(values, LongValue::new), LongValue::equals, LongValue::compareTo);
    }

    @Test
    void intsRoundTripAndSortByBytes() {
        Random random = new Random(Seeds.seed("ints"));
        List<Integer> values = new ArrayList<>();
        for (int special : SPECIAL_INTS) {
            values.add(special);
        }
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextBoolean() ? random.nextInt() : random.nextInt(2000) - 1000);
        }
        checkRoundTripAndOrder(Integer.class, values, Integer::equals, Integer::compare);
        checkRoundTripAndOrder(IntValue.class, map(values, IntValue::new), IntValue::equals, IntValue::compareTo);
    }

    @Test
    void doublesRoundTripAndSortByBytesIncludingZerosNanAndInfinities() {
        Random random = new Random(Seeds.seed("doubles"));
        List<Double> values = new ArrayList<>();
        for (double special : SPECIAL_DOUBLES) {
            values.add(special);
        }
        for (int i = 0; i < 2000; i++) {
            values.add(switch (random.nextInt(3)) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> (random.nextDouble() - 0.5) * 1e6;
                default -> (double) (random.nextInt(20) - 10);
            });
        }
        // Double.equals compares bits (after collapsing NaNs): -0.0 and 0.0 stay distinct.
        checkRoundTripAndOrder(Double.class, values, Double::equals, Double::compare);
        checkRoundTripAndOrder(DoubleValue.class, map(values, DoubleValue::new), DoubleValue::equals, DoubleValue::compareTo);
    }

    @Test
    void negativeZeroSortsJustBeforePositiveZeroAndNanLast() {
        byte[] negativeZero = bytes(Double.class, -0.0);
        byte[] positiveZero = bytes(Double.class, 0.0);
        assertThat(Arrays.compareUnsigned(negativeZero, positiveZero)).isNegative();
        assertThat(Arrays.compareUnsigned(bytes(Double.class, -Double.MIN_VALUE), negativeZero)).isNegative();
        assertThat(Arrays.compareUnsigned(bytes(Double.class, Double.POSITIVE_INFINITY), bytes(Double.class, Double.NaN))).isNegative();
        assertThat(bytes(Double.class, Double.longBitsToDouble(0x7ff0000000000123L))).isEqualTo(bytes(Double.class, Double.NaN));
    }

    @Test
    void textAndStringsRoundTripAndSortByCodePoint() {
        Random random = new Random(Seeds.seed("text"));
        List<String> values = new ArrayList<>(List.of("", "a", "ab", "b", "\u0000", "é", "日本語", "\uFFFF", "😀", "a😀b", "z\u00e9"));
        for (int i = 0; i < 2000; i++) {
            values.add(randomString(random));
        }
        Comparator<String> byCodePoint = SerdesTest::compareCodePoints;
        checkRoundTripAndOrder(String.class, values, String::equals, byCodePoint);
        checkRoundTripAndOrder(Text.class, map(values, Text::new), Text::equals, Text::compareTo);
        // Text's own order is the code point order of its string.
        for (int i = 1; i < values.size(); i++) {
            assertThat(Integer.signum(new Text(values.get(i - 1)).compareTo(new Text(values.get(i)))))
                    .isEqualTo(Integer.signum(compareCodePoints(values.get(i - 1), values.get(i))));
        }
    }

    @Test
    void stringKeysSortByCodePointWhereStringCompareToUsesSurrogates() {
        String emoji = "\uD83D\uDE00";
        String privateUse = "\uE000";
        assertThat(emoji.compareTo(privateUse)).isNegative();
        assertThat(Arrays.compareUnsigned(bytes(String.class, emoji), bytes(String.class, privateUse))).isPositive();
    }

    @Test
    void bytesRoundTripAndSortUnsigned() {
        Random random = new Random(Seeds.seed("bytes"));
        List<byte[]> values = new ArrayList<>(List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xFF}, new byte[] {0x7F},
                new byte[] {(byte) 0x80}, new byte[] {0, 0}));
        for (int i = 0; i < 2000; i++) {
            byte[] value = new byte[random.nextInt(6)];
            random.nextBytes(value);
            values.add(value);
        }
        checkRoundTripAndOrder(byte[].class, values, Arrays::equals, Arrays::compareUnsigned);
        checkRoundTripAndOrder(BytesValue.class, map(values, BytesValue::new), BytesValue::equals, BytesValue::compareTo);
    }

    @Test
    void nullValueIsZeroBytes() {
        Serde<NullValue> serde = Serdes.forClass(NullValue.class);
        assertThat(bytes(NullValue.class, NullValue.INSTANCE)).isEmpty();
        assertThat(serde.read(new byte[0], 0, 0, null)).isSameAs(NullValue.INSTANCE);
        assertThat(serde.bytesOrdered()).isTrue();
    }

    @Test
    void mutableTypesAreReadIntoTheReusedInstance() {
        LongValue reuse = new LongValue();
        byte[] encoded = bytes(LongValue.class, new LongValue(42));
        assertThat(Serdes.forClass(LongValue.class).read(encoded, 0, 8, reuse)).isSameAs(reuse);
        assertThat(reuse.get()).isEqualTo(42);
        Text text = new Text("a much longer previous value");
        byte[] hello = bytes(Text.class, new Text("hello"));
        assertThat(Serdes.forClass(Text.class).read(hello, 0, hello.length, text)).isSameAs(text);
        assertThat(text.toString()).isEqualTo("hello");
    }

    @Test
    void valuesAreReadFromTheMiddleOfAnArray() {
        byte[] encoded = bytes(Long.class, -7L);
        byte[] framed = new byte[20];
        System.arraycopy(encoded, 0, framed, 5, 8);
        assertThat(Serdes.forClass(Long.class).read(framed, 5, 8, null)).isEqualTo(-7L);
    }

    @Test
    void fixedWidthTypesRejectWrongLengths() {
        assertThatThrownBy(() -> Serdes.forClass(Long.class).read(new byte[9], 0, 7, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Long needs 8 bytes, got 7");
        assertThatThrownBy(() -> Serdes.forClass(IntValue.class).read(new byte[9], 0, 5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("IntValue needs 4 bytes, got 5");
        assertThatThrownBy(() -> Serdes.forClass(NullValue.class).read(new byte[9], 0, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtInTypesAreByteOrderedAndOthersGoThroughKryo() {
        for (Class<?> type : List.of(Text.class, String.class, LongValue.class, Long.class, IntValue.class, Integer.class,
                DoubleValue.class, Double.class, BytesValue.class, byte[].class, NullValue.class)) {
            Serde<?> serde = Serdes.forClass(type);
            assertThat(serde.bytesOrdered()).as(type.getName()).isTrue();
            assertThat(serde.type()).isEqualTo(type);
        }
        assertThat(Serdes.forClass(java.time.LocalDate.class)).isInstanceOf(KryoSerde.class);
        assertThat(Serdes.forClass(java.time.LocalDate.class).bytesOrdered()).isFalse();
    }

    /** Round-trips every value and checks that unsigned byte order agrees with {@code order} on neighbours. */
    private static <T> void checkRoundTripAndOrder(Class<T> type, List<T> values, Equality<T> equality, Comparator<T> order) {
        Serde<T> serde = Serdes.forClass(type);
        OutputBuffer out = new OutputBuffer(16);
        List<byte[]> encoded = new ArrayList<>();
        for (T value : values) {
            out.reset();
            serde.write(value, out);
            byte[] bytes = Arrays.copyOf(out.bytes(), out.length());
            T back = serde.read(bytes, 0, bytes.length, null);
            assertThat(equality.same(back, value)).as("%s round trip of %s", type.getSimpleName(), describe(value)).isTrue();
            encoded.add(bytes);
        }
        for (int i = 0; i < values.size(); i++) {
            int j = (i * 7919 + 1) % values.size();
            int byBytes = Integer.signum(Arrays.compareUnsigned(encoded.get(i), encoded.get(j)));
            int natural = Integer.signum(order.compare(values.get(i), values.get(j)));
            assertThat(byBytes).as("%s order of %s and %s", type.getSimpleName(), describe(values.get(i)), describe(values.get(j)))
                    .isEqualTo(natural);
        }
    }

    private interface Equality<T> {
        boolean same(T a, T b);
    }

    private static String describe(Object value) {
        if (value instanceof byte[] b) {
            return Arrays.toString(b);
        }
        if (value instanceof Double d) {
            return d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        return String.valueOf(value);
    }

    private static <T> byte[] bytes(Class<T> type, T value) {
        OutputBuffer out = new OutputBuffer();
        Serdes.forClass(type).write(value, out);
        return Arrays.copyOf(out.bytes(), out.length());
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> f) {
        return values.stream().map(f).toList();
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** Valid strings (no lone surrogates) mixing ASCII, Latin, CJK, the top of the BMP and emoji. */
    private static String randomString(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> 'a' + random.nextInt(3);
                case 1 -> 0xE0 + random.nextInt(4);
                case 2 -> 0x65E5 + random.nextInt(3);
                case 3 -> 0xFFF0 + random.nextInt(0x0E);
                default -> 0x1F600 + random.nextInt(3);
            };
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }
}
