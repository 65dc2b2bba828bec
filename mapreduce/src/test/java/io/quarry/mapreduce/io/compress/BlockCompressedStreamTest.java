package io.quarry.mapreduce.io.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockCompressedStreamTest {
    private static final int BLOCK = 1024;

    static Stream<CompressionCodec> codecs() {
        return Stream.of(Codecs.NONE, Lz4Codec.instance(), ZstdCodec.defaultLevel());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void roundTripsSizesAroundBlockBoundariesWithMixedWriteAndReadSizes(CompressionCodec codec) throws IOException {
        Random random = new Random(Seeds.seed("stream-round-trip-" + codec));
        int[] sizes = {0, 1, 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK - 1, 2 * BLOCK, 2 * BLOCK + 1, 10 * BLOCK + 7, 100_000};
        for (int size : sizes) {
            for (boolean compressible : new boolean[] {true, false}) {
                byte[] raw = compressible ? TestData.compressible(random, size) : TestData.incompressible(random, size);
                byte[] stream = writeInRandomChunks(codec, raw, random);
                byte[] restored = readInRandomChunks(new BlockCompressedInputStream(new ByteArrayInputStream(stream), codec),
                        random);
                assertThat(restored).as("%s, %d bytes, compressible %s", codec, size, compressible).isEqualTo(raw);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void emptyInputIsJustTheEndMarker(CompressionCodec codec) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        new BlockCompressedOutputStream(sink, codec, BLOCK).close();
        assertThat(sink.size()).isEqualTo(BlockFrames.HEADER_LENGTH);
        try (InputStream in = new BlockCompressedInputStream(new ByteArrayInputStream(sink.toByteArray()), codec)) {
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
        }
    }

    @Test
    void incompressibleBlocksAreStoredAsIsWithOnlyTheHeaderAdded() throws IOException {
        byte[] raw = TestData.incompressible(new Random(Seeds.seed("stored-raw")), 4 * BLOCK);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(sink, Lz4Codec.instance(), BLOCK)) {
            out.write(raw);
            assertThat(out.rawBytes()).isEqualTo(raw.length);
        }
        assertThat(sink.size()).isEqualTo(raw.length + 5 * BlockFrames.HEADER_LENGTH);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void finishedStreamsFollowEachOtherInOneFile(CompressionCodec codec) throws IOException {
        Random random = new Random(Seeds.seed("concatenated-" + codec));
        byte[] first = TestData.compressible(random, 3000);
        byte[] second = TestData.incompressible(random, 2500);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        long firstLength;
        try (BlockCompressedOutputStream a = new BlockCompressedOutputStream(sink, codec, BLOCK)) {
            a.write(first);
            a.finish();
            firstLength = a.storedBytes();
            assertThat(sink.size()).isEqualTo(firstLength);
            BlockCompressedOutputStream b = new BlockCompressedOutputStream(sink, codec, BLOCK);
            b.write(second);
            b.finish();
        }
        ByteArrayInputStream file = new ByteArrayInputStream(sink.toByteArray());
        assertThat(new BlockCompressedInputStream(file, codec).readAllBytes()).isEqualTo(first);
        assertThat(sink.size() - file.available()).as("first stream stops at its end marker").isEqualTo(firstLength);
        assertThat(new BlockCompressedInputStream(file, codec, "spill", firstLength).readAllBytes()).isEqualTo(second);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void everyTruncationFailsNamingAFrameOffset(CompressionCodec codec) throws IOException {
        byte[] raw = TestData.compressible(new Random(Seeds.seed("stream-truncate-" + codec)), 3 * BLOCK + 100);
        byte[] stream = write(codec, raw);
        for (int cut = 0; cut < stream.length; cut++) {
            byte[] truncated = Arrays.copyOf(stream, cut);
            assertThatThrownBy(() -> new BlockCompressedInputStream(new ByteArrayInputStream(truncated), codec, "part-0", 0)
                    .readAllBytes())
                    .as("cut at %d of %d", cut, stream.length)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("part-0: ")
                    .hasMessageContaining("offset");
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void everyDamagedByteFailsNamingTheFrameOffset(CompressionCodec codec) throws IOException {
        Random random = new Random(Seeds.seed("stream-damage-" + codec));
        byte[] raw = TestData.compressible(random, 3 * BLOCK + 100);
        byte[] stream = write(codec, raw);
        long[] frameStarts = frameStarts(stream);
        for (int i = 0; i < stream.length; i++) {
            byte[] damaged = stream.clone();
            damaged[i] ^= (byte) (1 + random.nextInt(255));
            long frame = frameContaining(frameStarts, i);
            assertThatThrownBy(() -> new BlockCompressedInputStream(new ByteArrayInputStream(damaged), codec).readAllBytes())
                    .as("damaged byte %d", i)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("offset " + frame);
        }
    }

    @Test
    void errorsCountOffsetsFromTheGivenStart() throws IOException {
        byte[] stream = write(Lz4Codec.instance(), new byte[5000]);
        stream[BlockFrames.HEADER_LENGTH + 1] ^= 1;
        assertThatThrownBy(() -> new BlockCompressedInputStream(new ByteArrayInputStream(stream), Lz4Codec.instance(),
                "spill3.out", 1_000_000).readAllBytes())
                .hasMessage("spill3.out: checksum mismatch in frame at offset 1000000 (expected %s)",
                        "" + Integer.toHexString(BlockFrames.getInt(stream, 8)) + ", got "
                                + Integer.toHexString(damagedChecksum(stream)));
    }

    @Test
    void streamStaysFailedAfterAnError() throws IOException {
        byte[] stream = write(ZstdCodec.defaultLevel(), new byte[3 * BLOCK]);
        byte[] truncated = Arrays.copyOf(stream, stream.length - 20);
        InputStream in = new BlockCompressedInputStream(new ByteArrayInputStream(truncated), ZstdCodec.defaultLevel());
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        assertThatThrownBy(in::read).hasMessageContaining("after an earlier error");
    }

    @Test
    void skipMovesAcrossBlocks() throws IOException {
        byte[] raw = TestData.compressible(new Random(Seeds.seed("skip")), 5 * BLOCK);
        InputStream in = new BlockCompressedInputStream(new ByteArrayInputStream(write(Lz4Codec.instance(), raw)), Lz4Codec.instance());
        assertThat(in.read()).isEqualTo(raw[0] & 0xFF);
        assertThat(in.skip(2 * BLOCK + 10)).isEqualTo(2 * BLOCK + 10);
        assertThat(in.read()).isEqualTo(raw[2 * BLOCK + 11] & 0xFF);
        assertThat(in.skip(10 * BLOCK)).isEqualTo(raw.length - 2 * BLOCK - 12);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void writingAfterFinishFails() throws IOException {
        BlockCompressedOutputStream out = new BlockCompressedOutputStream(new ByteArrayOutputStream(), Lz4Codec.instance(), BLOCK);
        out.finish();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("finished");
    }

    @Test
    void blockSizeIsBounded() {
        assertThatThrownBy(() -> new BlockCompressedOutputStream(new ByteArrayOutputStream(), Lz4Codec.instance(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block size 0");
    }

    private static int damagedChecksum(byte[] stream) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        int stored = BlockFrames.getInt(stream, 4) & ~BlockFrames.STORED_RAW_FLAG;
        return BlockFrames.checksum(crc, stream, 0, stream, BlockFrames.HEADER_LENGTH, stored);
    }

    private static long[] frameStarts(byte[] stream) {
        long[] starts = new long[stream.length];
        int count = 0;
        int pos = 0;
        while (pos < stream.length) {
            starts[count++] = pos;
            pos += BlockFrames.HEADER_LENGTH + (BlockFrames.getInt(stream, pos + 4) & ~BlockFrames.STORED_RAW_FLAG);
        }
        return Arrays.copyOf(starts, count);
    }

    private static long frameContaining(long[] starts, int index) {
        long frame = 0;
        for (long start : starts) {
            if (start <= index) {
                frame = start;
            }
        }
        return frame;
    }

    private static byte[] write(CompressionCodec codec, byte[] raw) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(sink, codec, BLOCK)) {
            out.write(raw);
        }
        return sink.toByteArray();
    }

    private static byte[] writeInRandomChunks(CompressionCodec codec, byte[] raw, Random random) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(sink, codec, BLOCK)) {
            int pos = 0;
            while (pos < raw.length) {
                int kind = random.nextInt(4);
                if (kind == 0) {
                    out.write(raw[pos++]);
                } else {
                    int n = Math.min(raw.length - pos, kind == 1 ? random.nextInt(100) : random.nextInt(3 * BLOCK));
                    out.write(raw, pos, n);
                    pos += n;
                }
                if (random.nextInt(50) == 0) {
                    out.flush();
                }
            }
        }
        return sink.toByteArray();
    }

    private static byte[] readInRandomChunks(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream restored = new ByteArrayOutputStream();
        byte[] buffer = new byte[4 * BLOCK];
        while (true) {
            int kind = random.nextInt(3);
            if (kind == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                restored.write(b);
            } else {
                int off = random.nextInt(16);
                int n = in.read(buffer, off, kind == 1 ? 1 + random.nextInt(100) : BLOCK + random.nextInt(2 * BLOCK));
                if (n < 0) {
                    break;
                }
                restored.write(buffer, off, n);
            }
        }
        in.close();
        return restored.toByteArray();
    }
}
