package io.quarry.mapreduce.recordfile;

import static io.quarry.mapreduce.input.FormatTesting.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.io.compress.Codecs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordFileCodecTest {
    private static final Configuration CONF = Configuration.empty();
    private static final int RECORDS = 5000;

    @TempDir
    java.nio.file.Path dir;

    private Path write(String codec) throws IOException {
        Path file = path(dir.resolve("records-" + codec));
        try (FileSystem fs = FileSystem.get(file, CONF);
             RecordFileWriter<Text, LongValue> writer = new RecordFileWriter<>(fs.create(file, false), Text.class, LongValue.class,
                     Codecs.byName(codec), 4096)) {
            Text key = new Text();
            LongValue value = new LongValue();
            for (int i = 0; i < RECORDS; i++) {
                writer.append(key.set("the quick brown fox " + (i % 100) + " jumps over record " + i), value.set(i));
            }
        }
        return file;
    }

    private List<Long> read(Path file, long start, long length) throws IOException {
        List<Long> values = new ArrayList<>();
        try (FileSystem fs = FileSystem.get(file, CONF);
             RecordFileReader<Text, LongValue> reader = new RecordFileReader<>(fs.openSeekable(file), file, start, length,
                     getClass().getClassLoader(), new Counters().counter("g", "n"))) {
            assertThat(reader.header().codecName()).isEqualTo(file.name().substring("records-".length()));
            while (reader.next()) {
                assertThat(reader.key().toString()).endsWith(" jumps over record " + reader.value().get());
                values.add(reader.value().get());
            }
        }
        return values;
    }

    private static long size(Path file) throws IOException {
        return Files.size(java.nio.file.Path.of(file.path()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "lz4", "zstd"})
    void compressedFilesSplitAnywhereAndReadEveryRecordOnce(String codec) throws IOException {
        long seed = Seeds.seed("compressedFilesSplitAnywhereAndReadEveryRecordOnce-" + codec);
        Random random = new Random(seed);
        Path file = write(codec);
        if (!codec.equals("none")) {
            assertThat(size(file)).as("%s compresses", codec).isLessThan(size(write("none")) / 2);
        }
        long length = size(file);
        for (int round = 0; round < 8; round++) {
            TreeSet<Long> cuts = new TreeSet<>(List.of(0L, length));
            for (int c = random.nextInt(20); c > 0; c--) {
                cuts.add((long) random.nextInt((int) length));
            }
            List<Long> points = new ArrayList<>(cuts);
            List<Long> values = new ArrayList<>();
            for (int i = 0; i + 1 < points.size(); i++) {
                values.addAll(read(file, points.get(i), points.get(i + 1) - points.get(i)));
            }
            assertThat(values).as("seed %d, cuts %s", seed, points).hasSize(RECORDS);
            for (int i = 0; i < RECORDS; i++) {
                assertThat(values.get(i)).isEqualTo(i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd"})
    void damagedCompressedBlockFailsNamingTheFile(String codec) throws IOException {
        Path file = write(codec);
        java.nio.file.Path local = java.nio.file.Path.of(file.path());
        byte[] bytes = Files.readAllBytes(local);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(local, bytes);
        assertThatThrownBy(() -> read(file, 0, bytes.length))
                .isInstanceOf(CorruptRecordFileException.class)
                .hasMessageContaining(file + " at byte offset ");
    }
}
