package io.quarry.examples.tera;

import static io.quarry.examples.ExampleTesting.localConf;
import static io.quarry.examples.ExampleTesting.outputLines;
import static io.quarry.examples.ExampleTesting.partFiles;
import static io.quarry.examples.ExampleTesting.uri;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class TeraSortTest {
    private static final int ROWS = 10_000;

    @TempDir
    Path dir;

    private Configuration conf() {
        return localConf(dir).with(RowRangeInputFormat.MAP_TASKS, "3");
    }

    /** All records of the part files, concatenated in name order. */
    private static byte[] records(Path output) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Path part : partFiles(output)) {
            bytes.write(Files.readAllBytes(part));
        }
        return bytes.toByteArray();
    }

    /** The sum of the CRC32s of the records, computed here without the examples' code. */
    private static long checksum(byte[] records) {
        long sum = 0;
        CRC32 crc = new CRC32();
        for (int i = 0; i < records.length; i += 100) {
            crc.reset();
            crc.update(records, i, 100);
            sum += crc.getValue();
        }
        return sum;
    }

    @Test
    void teraGenWritesDistinctRowsNumberedInOrderWhateverTheNumberOfMapTasks() throws Exception {
        assertThat(new TeraGen().run(conf(), new String[] {"1000", uri(dir.resolve("three"))})).isZero();
        assertThat(new TeraGen().run(localConf(dir).with(RowRangeInputFormat.MAP_TASKS, "1"),
                new String[] {"1000", uri(dir.resolve("one"))})).isZero();

        byte[] three = records(dir.resolve("three"));
        assertThat(partFiles(dir.resolve("three"))).hasSize(3);
        assertThat(three).hasSize(1000 * 100).isEqualTo(records(dir.resolve("one")));
        Set<String> keys = new HashSet<>();
        for (int row = 0; row < 1000; row++) {
            int at = row * 100;
            keys.add(Arrays.toString(Arrays.copyOfRange(three, at, at + 10)));
            assertThat(new String(three, at + 12, 32, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo(String.format("%032X", row));
            assertThat(three[at + 10]).isEqualTo((byte) 0x00);
            assertThat(three[at + 99]).isEqualTo((byte) 0xFF);
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void teraSortOutputValidatesWithTheChecksumOfTheGeneratedRows() throws Exception {
        assertThat(new TeraGen().run(conf(), new String[] {Integer.toString(ROWS), uri(dir.resolve("gen"))})).isZero();
        long generated = checksum(records(dir.resolve("gen")));

        assertThat(new TeraSort().run(conf().with(MapReduceConfigKeys.NUM_REDUCES, "4").with(TeraSort.SAMPLE_SIZE, "1000"),
                new String[] {uri(dir.resolve("gen")), uri(dir.resolve("sorted"))})).isZero();
        assertThat(new TeraValidate().run(conf(), new String[] {uri(dir.resolve("sorted")), uri(dir.resolve("report"))})).isZero();

        byte[] sorted = records(dir.resolve("sorted"));
        assertThat(partFiles(dir.resolve("sorted"))).hasSize(4).allMatch(part -> part.toFile().length() > 0);
        assertThat(sorted).hasSize(ROWS * 100);
        for (int i = 100; i < sorted.length; i += 100) {
            assertThat(Arrays.compareUnsigned(sorted, i - 100, i - 90, sorted, i, i + 10)).as("keys at record %d", i / 100)
                    .isLessThanOrEqualTo(0);
        }
        assertThat(checksum(sorted)).isEqualTo(generated);
        assertThat(outputLines(dir.resolve("report"))).containsExactly("checksum\t" + Long.toHexString(generated));
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("partitions"));
        }
    }

    @Test
    void teraValidateReportsUnsortedInput() throws Exception {
        assertThat(new TeraGen().run(conf(), new String[] {"5000", uri(dir.resolve("gen"))})).isZero();

        int exit = new TeraValidate().run(conf(), new String[] {uri(dir.resolve("gen")), uri(dir.resolve("report"))});

        assertThat(exit).isEqualTo(1);
        List<String> report = outputLines(dir.resolve("report"));
        assertThat(report).contains("checksum\t" + Long.toHexString(checksum(records(dir.resolve("gen")))));
        assertThat(report).anyMatch(line -> line.startsWith("misorder\t"));
    }
}
