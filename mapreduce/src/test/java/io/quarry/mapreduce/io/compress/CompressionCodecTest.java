package io.quarry.mapreduce.io.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompressionCodecTest {
    private static final byte GUARD = (byte) 0xA5;
    private static final int[] SIZES = {0, 1, 2, 15, 16, 17, 255, 4096, 65535, 65536, 65537, 1 << 20};

    static Stream<CompressionCodec> codecs() {
        return Stream.of(Codecs.NONE, Lz4Codec.instance(), new Lz4Codec(LZ4Factory.safeInstance()), ZstdCodec.defaultLevel(), new ZstdCodec(1), new ZstdCodec(-5));
    }

    static Stream<CompressionCodec> sharedCodecs() {
        return Stream.of(Lz4Codec.instance(), ZstdCodec.defaultLevel());
    }

    static Stream<CompressionCodec> realCodecs() {
        return Stream.of(Lz4Codec.instance(), new Lz4Codec(LZ4Factory.safeInstance()), new Lz4Codec(LZ4Factory.unsafeInstance()),
                ZstdCodec.defaultLevel());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void roundTripsCompressibleAndIncompressibleDataOfManySizes(CompressionCodec codec) {
        Random random = new Random(Seeds.seed("roundTrips-" + codec));
        for (int size : SIZES) {
            for (byte[] raw : new byte[][] {TestData.compressible(random, size), TestData.incompressible(random, size)}) {
                byte[] restored = roundTrip(codec, raw, random.nextInt(8), random.nextInt(8));
                assertThat(restored).as("%s, %d bytes", codec, size).isEqualTo(raw);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("realCodecs")
    void compressesRepetitiveDataSeveralTimes(CompressionCodec codec) {
        byte[] raw = TestData.compressible(new Random(Seeds.seed("ratio-" + codec)), 1 << 20);
        byte[] dst = new byte[codec.maxCompressedLength(raw.length)];
        assertThat(codec.compress(raw, 0, raw.length, dst, 0)).isLessThan(raw.length / 2);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void incompressibleDataFitsMaxCompressedLengthExactly(CompressionCodec codec) {
        byte[] raw = TestData.incompressible(new Random(Seeds.seed("bound-" + codec)), 100_000);
        byte[] dst = new byte[codec.maxCompressedLength(raw.length)];
        int n = codec.compress(raw, 0, raw.length, dst, 0);
        assertThat(n).isBetween(1, dst.length);
    }

    @ParameterizedTest
    @MethodSource("realCodecs")
    void compressRejectsTooSmallDestination(CompressionCodec codec) {
        byte[] raw = TestData.incompressible(new Random(Seeds.seed("small-dst-" + codec)), 10_000);
        assertThatThrownBy(() -> codec.compress(raw, 0, raw.length, new byte[100], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit in 100 bytes");
    }

    @ParameterizedTest
    @MethodSource("realCodecs")
    void everyTruncationIsCorruptData(CompressionCodec codec) {
        byte[] raw = TestData.compressible(new Random(Seeds.seed("truncate-" + codec)), 5000);
        byte[] compressed = compress(codec, raw);
        for (int cut = 0; cut < compressed.length; cut++) {
            int length = cut;
            assertThatThrownBy(() -> codec.decompress(compressed, 0, length, new byte[raw.length], 0, raw.length))
                    .as("cut at %d of %d", cut, compressed.length)
                    .isInstanceOf(CorruptDataException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("realCodecs")
    void trailingGarbageIsCorruptData(CompressionCodec codec) {
        byte[] raw = TestData.compressible(new Random(Seeds.seed("trailing-" + codec)), 5000);
        byte[] compressed = compress(codec, raw);
        byte[] longer = Arrays.copyOf(compressed, compressed.length + 3);
        assertThatThrownBy(() -> codec.decompress(longer, 0, longer.length, new byte[raw.length], 0, raw.length))
                .isInstanceOf(CorruptDataException.class);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void wrongRawLengthIsCorruptDataAndNeverWritesPastIt(CompressionCodec codec) {
        byte[] raw = TestData.compressible(new Random(Seeds.seed("raw-length-" + codec)), 3000);
        byte[] compressed = compress(codec, raw);
        for (int expected : new int[] {raw.length - 1, raw.length + 1, 0, 1}) {
            byte[] dst = new byte[expected + 64];
            Arrays.fill(dst, GUARD);
            assertThatThrownBy(() -> codec.decompress(compressed, 0, compressed.length, dst, 0, expected))
                    .as("claimed raw length %d of %d", expected, raw.length)
                    .isInstanceOf(CorruptDataException.class);
            assertGuarded(dst, expected, dst.length);
        }
    }

    @ParameterizedTest
    @MethodSource("realCodecs")
    void damagedBytesFailCleanlyAndStayInBounds(CompressionCodec codec) {
        Random random = new Random(Seeds.seed("damage-" + codec));
        byte[] raw = TestData.compressible(random, 20_000);
        byte[] compressed = compress(codec, raw);
        int detected = 0;
        for (int trial = 0; trial < 1000; trial++) {
            byte[] damaged = compressed.clone();
            int flips = 1 + random.nextInt(3);
            for (int i = 0; i < flips; i++) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            }
            byte[] src = new byte[damaged.length + 32];
            Arrays.fill(src, GUARD);
            System.arraycopy(damaged, 0, src, 16, damaged.length);
            byte[] dst = new byte[raw.length + 32];
            Arrays.fill(dst, GUARD);
            try {
                codec.decompress(src, 16, damaged.length, dst, 16, raw.length);
            } catch (CorruptDataException e) {
                detected++;
            }
            assertGuarded(dst, 0, 16);
            assertGuarded(dst, 16 + raw.length, dst.length);
        }
        // Without a checksum some damage to literals decodes silently; structure damage must not.
        assertThat(detected).isPositive();
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void decompressRejectsCallerRangesOutsideTheArrays(CompressionCodec codec) {
        byte[] compressed = compress(codec, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> codec.decompress(compressed, 0, compressed.length, new byte[2], 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @MethodSource("sharedCodecs")
    void oneCodecServesManyThreadsAtOnce(CompressionCodec codec) throws Exception {
        long seed = Seeds.seed("threads-" + codec);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(seed + t);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        byte[] raw = TestData.compressible(random, random.nextInt(20_000));
                        assertThat(roundTrip(codec, raw, 0, 0)).isEqualTo(raw);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void codecsAreFoundByNameIgnoringCase() {
        assertThat(Codecs.byName("LZ4")).isSameAs(Lz4Codec.instance());
        assertThat(Codecs.byName("zstd")).isSameAs(ZstdCodec.defaultLevel());
        assertThat(Codecs.byName("none")).isSameAs(Codecs.NONE);
        assertThat(Codecs.byName("")).isSameAs(Codecs.NONE);
        assertThat(ZstdCodec.defaultLevel().level()).isEqualTo(3);
        assertThatThrownBy(() -> Codecs.byName("snappy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'snappy'").hasMessageContaining("lz4");
    }

    @Test
    void zstdLevelComesFromConfiguration() {
        Configuration conf = Configuration.empty().with(MapReduceConfigKeys.ZSTD_LEVEL, "9");
        assertThat(((ZstdCodec) Codecs.byName("zstd", conf)).level()).isEqualTo(9);
        assertThat(Codecs.byName("zstd", conf)).as("one shared codec per level").isSameAs(Codecs.byName("zstd", conf));
        assertThat(Codecs.byName("zstd", Configuration.empty())).isSameAs(ZstdCodec.defaultLevel());
        assertThat(Codecs.byName("lz4", conf)).isSameAs(Lz4Codec.instance());
    }

    @Test
    void higherZstdLevelCompressesAtLeastAsSmall() {
        byte[] raw = TestData.compressible(new Random(Seeds.seed("zstd-levels")), 1 << 18);
        assertThat(compress(new ZstdCodec(19), raw).length).isLessThanOrEqualTo(compress(new ZstdCodec(1), raw).length);
    }

    @Test
    void outOfRangeZstdLevelIsRejected() {
        assertThatThrownBy(() -> new ZstdCodec(23)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("23");
    }

    private static byte[] compress(CompressionCodec codec, byte[] raw) {
        byte[] dst = new byte[codec.maxCompressedLength(raw.length)];
        return Arrays.copyOf(dst, codec.compress(raw, 0, raw.length, dst, 0));
    }

    /** Compresses and decompresses at the given offsets, checking nothing outside the ranges is touched. */
    private static byte[] roundTrip(CompressionCodec codec, byte[] raw, int srcOffset, int dstOffset) {
        byte[] src = new byte[srcOffset + raw.length];
        System.arraycopy(raw, 0, src, srcOffset, raw.length);
        byte[] compressed = new byte[dstOffset + codec.maxCompressedLength(raw.length) + 8];
        Arrays.fill(compressed, GUARD);
        int n = codec.compress(src, srcOffset, raw.length, compressed, dstOffset);
        assertGuarded(compressed, 0, dstOffset);
        byte[] restored = new byte[srcOffset + raw.length + 8];
        Arrays.fill(restored, GUARD);
        codec.decompress(compressed, dstOffset, n, restored, srcOffset, raw.length);
        assertGuarded(restored, 0, srcOffset);
        assertGuarded(restored, srcOffset + raw.length, restored.length);
        return Arrays.copyOfRange(restored, srcOffset, srcOffset + raw.length);
    }

    private static void assertGuarded(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(b[i]).as("guard byte %d", i).isEqualTo(GUARD);
        }
    }
}
