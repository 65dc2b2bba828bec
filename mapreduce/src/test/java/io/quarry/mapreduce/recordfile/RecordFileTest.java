package io.quarry.mapreduce.recordfile;

import static io.quarry.mapreduce.input.FormatTesting.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.FileSystemCounters;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.DoubleValue;
import io.quarry.mapreduce.io.IntValue;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import io.quarry.mapreduce.io.compress.Codecs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordFileTest {
    private static final Configuration CONF = Configuration.empty();

    @TempDir
    java.nio.file.Path dir;

    /** A value class without a built-in serde, so it goes through Kryo. */
    public static final class Point {
        int x;
        String label;

        public Point() {
        }

        Point(int x, String label) {
            this.x = x;
            this.label = label;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Point p && p.x == x && Objects.equals(p.label, label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(x, label);
        }

        @Override
        public String toString() {
            return "Point(" + x + ", " + label + ")";
        }
    }

    private <K, V> Path writeFile(String name, Class<K> keyClass, Class<V> valueClass, CompressionCodec codec, int blockSize,
                                  List<K> keys, List<V> values) throws IOException {
        Path file = path(dir.resolve(name));
        try (FileSystem fs = FileSystem.get(file, CONF);
             RecordFileWriter<K, V> writer = new RecordFileWriter<>(fs.create(file, false), keyClass, valueClass, codec, blockSize)) {
            for (int i = 0; i < keys.size(); i++) {
                writer.append(keys.get(i), values.get(i));
            }
        }
        return file;
    }

    private List<String> read(Path file, long start, long length, Counters counters) throws IOException {
        List<String> records = new ArrayList<>();
        try (FileSystem fs = FileSystem.get(file, CONF);
             RecordFileReader<Object, Object> reader = new RecordFileReader<>(fs.openSeekable(file), file, start, length,
                     getClass().getClassLoader(), FileSystemCounters.bytesRead(counters, "file"))) {
            while (reader.next()) {
                records.add(show(reader.key()) + "=" + show(reader.value()));
            }
            assertThat(reader.progress()).isEqualTo(1f);
        }
        return records;
    }

    private List<String> readWhole(Path file) throws IOException {
        return read(file, 0, Files.size(java.nio.file.Path.of(file.path())), new Counters());
    }

    private static String show(Object value) {
        return value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
    }

    private <K, V> void assertRoundTrip(Class<K> keyClass, Class<V> valueClass, Function<Integer, K> key, Function<Integer, V> value)
            throws IOException {
        List<K> keys = new ArrayList<>();
        List<V> values = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(key.apply(i));
            values.add(value.apply(i));
            expected.add(show(key.apply(i)) + "=" + show(value.apply(i)));
        }
        Path file = writeFile(keyClass.getSimpleName() + "-" + valueClass.getSimpleName(), keyClass, valueClass, Codecs.NONE, 512,
                keys, values);
        assertThat(readWhole(file)).as("%s / %s", keyClass, valueClass).containsExactlyElementsOf(expected);
    }

    @Test
    void roundTripsBuiltInAndKryoTypes() throws IOException {
        assertRoundTrip(Text.class, LongValue.class, i -> new Text("key " + i + " ü"), i -> new LongValue(i * -1_000_000_007L));
        assertRoundTrip(String.class, Integer.class, i -> "s" + i, i -> i * 31);
        assertRoundTrip(IntValue.class, DoubleValue.class, IntValue::new, i -> new DoubleValue(i / 7.0));
        assertRoundTrip(Long.class, byte[].class, i -> (long) i, i -> new byte[i % 17]);
        assertRoundTrip(BytesValue.class, NullValue.class, i -> new BytesValue(new byte[] {(byte) (int) i, 0, -1}), i -> NullValue.get());
        assertRoundTrip(Text.class, Point.class, i -> new Text(""), i -> new Point(i, i % 3 == 0 ? null : "p" + i));
    }

    @Test
    void headerRecordsClassesAndCodec() throws IOException {
        Path file = writeFile("header", Text.class, Point.class, Codecs.NONE, 1024, List.of(new Text("a")), List.of(new Point(1, "x")));
        try (FileSystem fs = FileSystem.get(file, CONF);
             RecordFileReader<Object, Object> reader = new RecordFileReader<>(fs.openSeekable(file), file, 0, 1,
                     getClass().getClassLoader(), new Counters().counter("g", "n"))) {
            assertThat(reader.header().keyClassName()).isEqualTo(Text.class.getName());
            assertThat(reader.header().valueClassName()).isEqualTo(Point.class.getName());
            assertThat(reader.header().codecName()).isEqualTo("none");
            assertThat(reader.keyClass()).isEqualTo(Text.class);
        }
    }

    @Test
    void fileWithoutRecordsIsJustAHeader() throws IOException {
        Path file = writeFile("empty", Text.class, Text.class, Codecs.NONE, 1024, List.of(), List.of());
        assertThat(readWhole(file)).isEmpty();
    }

    @Test
    void splitsCutAtArbitraryOffsetsReadEveryRecordOnce() throws IOException {
        long seed = Seeds.seed("splitsCutAtArbitraryOffsetsReadEveryRecordOnce");
        Random random = new Random(seed);
        List<Text> keys = new ArrayList<>();
        List<LongValue> values = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String key = "k" + i + "-" + "x".repeat(random.nextInt(random.nextInt(50) == 0 ? 2000 : 40));
            keys.add(new Text(key));
            values.add(new LongValue(i));
            expected.add(key + "=" + i);
        }
        Path file = writeFile("split", Text.class, LongValue.class, Codecs.NONE, 1000 + random.nextInt(3000), keys, values);
        long length = Files.size(java.nio.file.Path.of(file.path()));
        for (int round = 0; round < 12; round++) {
            TreeSet<Long> cuts = new TreeSet<>(List.of(0L, length));
            int count = random.nextInt(30);
            for (int c = 0; c < count; c++) {
                cuts.add((long) random.nextInt((int) length));
            }
            List<Long> points = new ArrayList<>(cuts);
            List<String> read = new ArrayList<>();
            Counters counters = new Counters();
            for (int i = 0; i + 1 < points.size(); i++) {
                read.addAll(read(file, points.get(i), points.get(i + 1) - points.get(i), counters));
            }
            assertThat(read).as("seed %d, cuts %s", seed, points).containsExactlyElementsOf(expected);
            assertThat(FileSystemCounters.bytesRead(counters, "file").value()).isGreaterThanOrEqualTo(length);
        }
    }

    @Test
    void cutsInsideTheHeaderAndAroundTheFirstBlocksReadEveryRecordOnce() throws IOException {
        List<Text> keys = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(new Text("key" + i));
            expected.add("key" + i + "=key" + i);
        }
        Path file = writeFile("cut-header", Text.class, Text.class, Codecs.NONE, 100, keys, keys);
        long length = Files.size(java.nio.file.Path.of(file.path()));
        List<Long> blocks = blockStarts(file, Files.readAllBytes(java.nio.file.Path.of(file.path())));
        long limit = blocks.get(2) + 2;
        for (long cut = 1; cut <= limit; cut++) {
            List<String> read = new ArrayList<>(read(file, 0, cut, new Counters()));
            read.addAll(read(file, cut, length - cut, new Counters()));
            assertThat(read).as("cut at %d (blocks at %s)", cut, blocks.subList(0, 3)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void everyCorruptByteAfterTheHeaderFailsNamingTheFileAndItsBlock() throws IOException {
        long seed = Seeds.seed("everyCorruptByteAfterTheHeaderFailsNamingTheFileAndItsBlock");
        Random random = new Random(seed);
        List<Text> keys = new ArrayList<>();
        List<Text> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(new Text("key" + i));
            values.add(new Text("value" + i));
        }
        Path file = writeFile("corrupt", Text.class, Text.class, Codecs.NONE, 400, keys, values);
        java.nio.file.Path local = java.nio.file.Path.of(file.path());
        byte[] original = Files.readAllBytes(local);
        List<Long> blockStarts = blockStarts(file, original);
        assertThat(blockStarts.size()).isGreaterThan(10);
        long headerEnd = blockStarts.get(0);
        for (int round = 0; round < 60; round++) {
            int at = (int) headerEnd + random.nextInt(original.length - (int) headerEnd);
            byte[] damaged = original.clone();
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            Files.write(local, damaged);
            long block = blockStarts.stream().filter(start -> start <= at).mapToLong(Long::longValue).max().orElseThrow();
            assertThatThrownBy(() -> readWhole(file))
                    .as("seed %d, byte %d flipped", seed, at)
                    .isInstanceOfSatisfying(CorruptRecordFileException.class, e -> {
                        assertThat(e.file()).isEqualTo(file);
                        assertThat(e.offset()).isEqualTo(block);
                    })
                    .hasMessageContaining(file + " at byte offset " + block);
        }
        Files.write(local, original);
        assertThat(readWhole(file)).hasSize(400);
    }

    @Test
    void damagedHeaderIsDetected() throws IOException {
        Path file = writeFile("bad-header", Text.class, Text.class, Codecs.NONE, 400, List.of(new Text("k")), List.of(new Text("v")));
        java.nio.file.Path local = java.nio.file.Path.of(file.path());
        byte[] bytes = Files.readAllBytes(local);
        bytes[7] ^= 1;
        Files.write(local, bytes);
        assertThatThrownBy(() -> readWhole(file)).isInstanceOf(CorruptRecordFileException.class).hasMessageContaining(file.toString());
        Files.write(local, "plain text, not a record file\n".getBytes());
        assertThatThrownBy(() -> readWhole(file)).hasMessageContaining("not a record file");
    }

    @Test
    void truncatedFileFailsAtTheCutBlock() throws IOException {
        List<Text> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(new Text("key" + i));
        }
        Path file = writeFile("truncated", Text.class, Text.class, Codecs.NONE, 200, keys, keys);
        java.nio.file.Path local = java.nio.file.Path.of(file.path());
        byte[] bytes = Files.readAllBytes(local);
        List<Long> starts = blockStarts(file, bytes);
        long last = starts.get(starts.size() - 1);
        Files.write(local, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> readWhole(file)).isInstanceOfSatisfying(CorruptRecordFileException.class,
                e -> assertThat(e.offset()).isEqualTo(last));
    }

    /** Offsets of the blocks, found independently of the reader: every place the sync marker occurs after the header's. */
    private static List<Long> blockStarts(Path file, byte[] bytes) throws IOException {
        byte[] sync;
        try (FileSystem fs = FileSystem.get(file, CONF);
             RecordFileReader<Object, Object> reader = new RecordFileReader<>(fs.openSeekable(file), file, 0, 0,
                     RecordFileTest.class.getClassLoader(), new Counters().counter("g", "n"))) {
            sync = reader.header().sync();
        }
        List<Long> starts = new ArrayList<>();
        boolean headerSync = true;
        for (int i = 0; i + sync.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + sync.length, sync, 0, sync.length)) {
                if (headerSync) {
                    headerSync = false;
                } else {
                    starts.add((long) i);
                }
            }
        }
        return starts;
    }

    @Test
    void writerRejectsAppendsAfterClose() throws IOException {
        OutputStream out = OutputStream.nullOutputStream();
        RecordFileWriter<Text, Text> writer = new RecordFileWriter<>(out, Text.class, Text.class, Codecs.NONE, 100);
        writer.close();
        assertThatThrownBy(() -> writer.append(new Text("k"), new Text("v"))).hasMessageContaining("closed");
    }
}
