package io.quarry.mapreduce.io;

import java.nio.charset.StandardCharsets;

/**
 * Finds the serde of a key or value class: byte-ordered encodings for the built-in types
 * ({@link Text}, {@link LongValue}, {@link IntValue}, {@link DoubleValue}, {@link BytesValue},
 * {@link NullValue} and their plain Java counterparts), Kryo for anything else. Serdes keep
 * scratch state: each task creates its own.
 *
 * <p>Strings, like {@link Text}, are UTF-8 and so sort by code point. That is
 * {@link String#compareTo} except between characters above U+FFFF and those from U+E000 to
 * U+FFFF, which {@code compareTo} orders by their UTF-16 surrogates. Unpaired surrogates do not
 * survive the encoding (they become {@code '?'}). Doubles sort as {@link Double#compare}:
 * {@code -0.0} before {@code 0.0}, NaN (all NaNs alike) after positive infinity.
 */
public final class Serdes {
    private Serdes() {
    }

    @SuppressWarnings("unchecked")
    public static <T> Serde<T> forClass(Class<T> type) {
        Serde<?> serde;
        if (type == Text.class) {
            serde = new TextSerde();
        } else if (type == String.class) {
            serde = new StringSerde();
        } else if (type == LongValue.class) {
            serde = new LongValueSerde();
        } else if (type == Long.class) {
            serde = new LongSerde();
        } else if (type == IntValue.class) {
            serde = new IntValueSerde();
        } else if (type == Integer.class) {
            serde = new IntegerSerde();
        } else if (type == DoubleValue.class) {
            serde = new DoubleValueSerde();
        } else if (type == Double.class) {
            serde = new DoubleSerde();
        } else if (type == BytesValue.class) {
            serde = new BytesValueSerde();
        } else if (type == byte[].class) {
            serde = new ByteArraySerde();
        } else if (type == NullValue.class) {
            serde = new NullValueSerde();
        } else {
            serde = new KryoSerde<>(type);
        }
        return (Serde<T>) serde;
    }

    // Order-preserving fixed-width encodings: flip the sign bit so negative numbers sort first.

    static long readLong(byte[] b, int off) {
        return ((long) readInt(b, off) << 32) | (readInt(b, off + 4) & 0xFFFFFFFFL);
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static long sortableDouble(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    static double fromSortableDouble(long sortable) {
        return Double.longBitsToDouble(sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable);
    }

    static void expectLength(Class<?> type, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(type.getSimpleName() + " needs " + expected + " bytes, got " + actual);
        }
    }

    private abstract static class Ordered<T> implements Serde<T> {
        @Override
        public boolean bytesOrdered() {
            return true;
        }
    }

    static final class TextSerde extends Ordered<Text> {
        public Class<Text> type() { return Text.class; }
        public void write(Text value, OutputBuffer out) { out.write(value.bytes(), 0, value.length()); }
        public Text read(byte[] b, int off, int len, Text reuse) { return (reuse == null ? new Text() : reuse).set(b, off, len); }
    }

    static final class StringSerde extends Ordered<String> {
        public Class<String> type() { return String.class; }
        public void write(String value, OutputBuffer out) { out.writeUtf8(value); }
        public String read(byte[] b, int off, int len, String reuse) { return new String(b, off, len, StandardCharsets.UTF_8); }
    }

    static final class LongValueSerde extends Ordered<LongValue> {
        public Class<LongValue> type() { return LongValue.class; }
        public void write(LongValue value, OutputBuffer out) { out.writeLongBigEndian(value.get() ^ Long.MIN_VALUE); }
        public LongValue read(byte[] b, int off, int len, LongValue reuse) {
            expectLength(LongValue.class, len, 8);
            return (reuse == null ? new LongValue() : reuse).set(readLong(b, off) ^ Long.MIN_VALUE);
        }
    }

    static final class LongSerde extends Ordered<Long> {
        public Class<Long> type() { return Long.class; }
        public void write(Long value, OutputBuffer out) { out.writeLongBigEndian(value ^ Long.MIN_VALUE); }
        public Long read(byte[] b, int off, int len, Long reuse) {
            expectLength(Long.class, len, 8);
            return readLong(b, off) ^ Long.MIN_VALUE;
        }
    }

    static final class IntValueSerde extends Ordered<IntValue> {
        public Class<IntValue> type() { return IntValue.class; }
        public void write(IntValue value, OutputBuffer out) { out.writeIntBigEndian(value.get() ^ Integer.MIN_VALUE); }
        public IntValue read(byte[] b, int off, int len, IntValue reuse) {
            expectLength(IntValue.class, len, 4);
            return (reuse == null ? new IntValue() : reuse).set(readInt(b, off) ^ Integer.MIN_VALUE);
        }
    }

    static final class IntegerSerde extends Ordered<Integer> {
        public Class<Integer> type() { return Integer.class; }
        public void write(Integer value, OutputBuffer out) { out.writeIntBigEndian(value ^ Integer.MIN_VALUE); }
        public Integer read(byte[] b, int off, int len, Integer reuse) {
            expectLength(Integer.class, len, 4);
            return readInt(b, off) ^ Integer.MIN_VALUE;
        }
    }

    static final class DoubleValueSerde extends Ordered<DoubleValue> {
        public Class<DoubleValue> type() { return DoubleValue.class; }
        public void write(DoubleValue value, OutputBuffer out) { out.writeLongBigEndian(sortableDouble(value.get())); }
        public DoubleValue read(byte[] b, int off, int len, DoubleValue reuse) {
            expectLength(DoubleValue.class, len, 8);
            return (reuse == null ? new DoubleValue() : reuse).set(fromSortableDouble(readLong(b, off)));
        }
    }

    static final class DoubleSerde extends Ordered<Double> {
        public Class<Double> type() { return Double.class; }
        public void write(Double value, OutputBuffer out) { out.writeLongBigEndian(sortableDouble(value)); }
        public Double read(byte[] b, int off, int len, Double reuse) {
            expectLength(Double.class, len, 8);
            return fromSortableDouble(readLong(b, off));
        }
    }

    static final class BytesValueSerde extends Ordered<BytesValue> {
        public Class<BytesValue> type() { return BytesValue.class; }
        public void write(BytesValue value, OutputBuffer out) { out.write(value.bytes(), 0, value.length()); }
        public BytesValue read(byte[] b, int off, int len, BytesValue reuse) { return (reuse == null ? new BytesValue() : reuse).set(b, off, len); }
    }

    static final class ByteArraySerde extends Ordered<byte[]> {
        public Class<byte[]> type() { return byte[].class; }
        public void write(byte[] value, OutputBuffer out) { out.write(value, 0, value.length); }
        public byte[] read(byte[] b, int off, int len, byte[] reuse) { return java.util.Arrays.copyOfRange(b, off, off + len); }
    }

    static final class NullValueSerde extends Ordered<NullValue> {
        public Class<NullValue> type() { return NullValue.class; }
        public void write(NullValue value, OutputBuffer out) { }
        public NullValue read(byte[] b, int off, int len, NullValue reuse) {
            expectLength(NullValue.class, len, 0);
            return NullValue.INSTANCE;
        }
    }
}
