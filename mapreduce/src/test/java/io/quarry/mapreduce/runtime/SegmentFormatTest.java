package io.quarry.mapreduce.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.io.compress.Codecs;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import io.quarry.mapreduce.io.compress.CorruptDataException;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SegmentFormatTest {
    /** A stand-in compression codec that changes every byte and adds a trailer, so framing errors show. */
    static final CompressionCodec SCRAMBLE = new CompressionCodec() {
        @Override
        public String name() {
            return "scramble-test";
        }

        @Override
        public int maxCompressedLength(int rawLength) {
            return rawLength + 1;
        }

        @Override
        public int compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset) {
            for (int i = 0; i < srcLength; i++) {
                dst[dstOffset + i] = (byte) (src[srcOffset + i] ^ 0x5A);
            }
            dst[dstOffset + srcLength] = 0x42;
            return srcLength + 1;
        }

        @Override
        public void decompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int rawLength) {
            if (srcLength != rawLength + 1 || src[srcOffset + rawLength] != 0x42) {
                throw new CorruptDataException("bad scrambled block", null);
            }
            for (int i = 0; i < rawLength; i++) {
                dst[dstOffset + i] = (byte) (src[srcOffset + i] ^ 0x5A);
            }
        }
    };

    @TempDir
    Path dir;

    private static List<byte[][]> randomRecords(Random random, int count) {
        List<byte[][]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int keyLength = random.nextInt(10) == 0 ? random.nextInt(300_000) : random.nextInt(40);
            byte[] key = new byte[keyLength];
            byte[] value = new byte[random.nextInt(200)];
            random.nextBytes(key);
            random.nextBytes(value);
            records.add(new byte[][] {key, value});
        }
        return records;
    }

    private List<List<byte[][]>> roundTrip(CompressionCodec codec, List<List<byte[][]>> segments) throws IOException {
        Path file = dir.resolve(codec.name() + ".seg");
        try (SegmentWriter writer = new SegmentWriter(file, codec)) {
            for (List<byte[][]> segment : segments) {
                for (byte[][] r : segment) {
                    writer.append(r[0], 0, r[0].length, r[1], 0, r[1].length);
                }
                writer.finishSegment();
            }
            List<IndexEntry> entries = writer.entries();
            assertThat(entries).hasSize(segments.size());
            byte[] stored = Files.readAllBytes(file);
            long offset = 0;
            for (IndexEntry entry : entries) {
                assertThat(entry.offset()).isEqualTo(offset);
                CRC32C crc = new CRC32C();
                crc.update(stored, (int) entry.offset(), (int) entry.storedLength());
                assertThat(entry.crc32c()).isEqualTo(crc.getValue());
                offset += entry.storedLength();
            }
            assertThat(offset).isEqualTo(stored.length);
            List<List<byte[][]>> read = new ArrayList<>();
            for (IndexEntry entry : entries) {
                List<byte[][]> records = new ArrayList<>();
                try (RawRecordIterator it = MergeSource.file(file, entry, codec, false).open()) {
                    while (it.next()) {
                        records.add(new byte[][] {
                            Arrays.copyOfRange(it.keyBytes(), it.keyOffset(), it.keyOffset() + it.keyLength()),
                            Arrays.copyOfRange(it.valueBytes(), it.valueOffset(), it.valueOffset() + it.valueLength())});
                    }
                }
                read.add(records);
            }
            return read;
        }
    }

    private static void assertSameRecords(List<List<byte[][]>> actual, List<List<byte[][]>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int s = 0; s < expected.size(); s++) {
            assertThat(actual.get(s)).hasSameSizeAs(expected.get(s));
            for (int i = 0; i < expected.get(s).size(); i++) {
                assertThat(actual.get(s).get(i)[0]).isEqualTo(expected.get(s).get(i)[0]);
                assertThat(actual.get(s).get(i)[1]).isEqualTo(expected.get(s).get(i)[1]);
            }
        }
    }

    @Test
    void uncompressedSegmentsRoundTripIncludingEmptyOnesAndRecordsLargerThanABlock() throws IOException {
        Random random = new Random(Seeds.seed("uncompressedSegmentsRoundTrip"));
        List<List<byte[][]>> segments = List.of(randomRecords(random, 500), List.of(), randomRecords(random, 3), List.of());
        assertSameRecords(roundTrip(Codecs.NONE, segments), segments);
    }

    @Test
    void compressedSegmentsRoundTripThroughBlocks() throws IOException {
        Random random = new Random(Seeds.seed("compressedSegmentsRoundTripThroughBlocks"));
        List<List<byte[][]>> segments = List.of(randomRecords(random, 500), List.of(), randomRecords(random, 50));
        assertSameRecords(roundTrip(SCRAMBLE, segments), segments);
    }

    @Test
    void emptyKeysAndValuesAreRecordsNotTheEndMarker() throws IOException {
        List<List<byte[][]>> segments = List.of(List.of(new byte[][] {new byte[0], new byte[0]},
                new byte[][] {new byte[0], new byte[] {1}}));
        assertSameRecords(roundTrip(Codecs.NONE, segments), segments);
    }

    @Test
    void truncatedSegmentFailsNamingTheFile() throws IOException {
        Path file = dir.resolve("cut.seg");
        IndexEntry entry;
        try (SegmentWriter writer = new SegmentWriter(file, Codecs.NONE)) {
            for (int i = 0; i < 100; i++) {
                writer.append(new byte[] {(byte) i}, 0, 1, new byte[10], 0, 10);
            }
            entry = writer.finishSegment();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(entry.storedLength() - 5);
        }
        IndexEntry cut = new IndexEntry(0, entry.rawLength(), entry.storedLength() - 5, entry.crc32c());
        assertThatThrownBy(() -> {
            try (RawRecordIterator it = MergeSource.file(file, cut, Codecs.NONE, false).open()) {
                while (it.next()) {
                    // drain
                }
            }
        }).isInstanceOf(EOFException.class).hasMessageContaining(file.toString());
    }

    @Test
    void damagedCompressedBlockFailsNamingTheSegment() throws IOException {
        Path file = dir.resolve("bad.seg");
        IndexEntry entry;
        try (SegmentWriter writer = new SegmentWriter(file, SCRAMBLE)) {
            writer.append(new byte[] {1, 2, 3}, 0, 3, new byte[] {4}, 0, 1);
            entry = writer.finishSegment();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> MergeSource.file(file, entry, SCRAMBLE, false).open().next())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt scramble-test block")
                .hasMessageContaining(file.toString());
    }

    @Test
    void indexRoundTripsAndRejectsDamage() throws IOException {
        MapOutputIndex index = new MapOutputIndex("lz4", List.of(new IndexEntry(0, 10, 8, 123), new IndexEntry(8, 1, 1, 0xFFFFFFFFL)));
        Path file = dir.resolve("file.out.index");
        index.write(file);
        assertThat(MapOutputIndex.read(file)).isEqualTo(index);

        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> MapOutputIndex.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining(file.toString());
    }
}
