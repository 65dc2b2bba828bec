package io.quarry.mapreduce.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job over input several times larger than its JVM's heap completes: the sort buffers and the
 * shuffle stay within bounds and the rest goes through disk.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LargerThanHeapJobTest {
    private static final int HEAP_MB = 64;
    private static final long INPUT_BYTES = 256L << 20;

    @TempDir
    Path dir;

    @Test
    void sortingFourTimesTheHeapCompletesWithEveryLineInOrder() throws Exception {
        long seed = Seeds.seed("sortingFourTimesTheHeapCompletesWithEveryLineInOrder");
        Path input = dir.resolve("in/lines.txt");
        Files.createDirectories(input.getParent());
        long[] written = writeLines(input, new Random(seed));

        Path output = dir.resolve("out");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), SortLinesJob.class.getName(),
                input.toUri().toString(), output.toUri().toString(), dir.resolve("local").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(200, TimeUnit.SECONDS)).as("job finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

        long lines = 0;
        long checksum = 0;
        for (String part : List.of("part-r-00000", "part-r-00001")) {
            String previous = null;
            try (BufferedReader reader = Files.newBufferedReader(output.resolve(part), StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (previous != null) {
                        assertThat(previous.compareTo(line)).as("order in %s after line %d", part, lines).isLessThanOrEqualTo(0);
                    }
                    previous = line;
                    lines++;
                    checksum += crc(line);
                }
            }
        }
        assertThat(lines).isEqualTo(written[0]);
        assertThat(checksum).isEqualTo(written[1]);
    }

    /** Writes random ASCII lines up to {@link #INPUT_BYTES}; returns the line count and the sum of their CRCs. */
    private static long[] writeLines(Path file, Random random) throws IOException {
        long bytes = 0;
        long lines = 0;
        long checksum = 0;
        char[] chars = new char[120];
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            while (bytes < INPUT_BYTES) {
                int length = 20 + random.nextInt(100);
                for (int i = 0; i < length; i++) {
                    chars[i] = (char) ('!' + random.nextInt(94));
                }
                String line = new String(chars, 0, length);
                writer.write(line);
                writer.write('\n');
                bytes += length + 1;
                lines++;
                checksum += crc(line);
            }
        }
        return new long[] {lines, checksum};
    }

    private static long crc(String line) {
        CRC32C crc = new CRC32C();
        crc.update(line.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }
}
