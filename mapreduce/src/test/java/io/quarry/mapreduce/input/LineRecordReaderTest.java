package io.quarry.mapreduce.input;

import static io.quarry.mapreduce.input.FormatTesting.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.FileSystemCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineRecordReaderTest {
    private static final Configuration CONF = Configuration.empty();

    @TempDir
    java.nio.file.Path dir;

    record Line(long offset, String text) {
    }

    /** The lines of a file by a plain, independent reading: split at '\n', drop one '\r' before it. */
    static List<Line> expectedLines(byte[] content) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            boolean atEnd = i == content.length;
            if (atEnd && start == content.length) {
                break;
            }
            if (atEnd || content[i] == '\n') {
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                lines.add(new Line(start, new String(content, start, end - start, StandardCharsets.UTF_8)));
                start = i + 1;
            }
        }
        return lines;
    }

    private List<Line> readSplits(Path file, List<Long> cuts, int bufferSize, Counters counters) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            FileSplit split = new FileSplit(file, cuts.get(i), cuts.get(i + 1) - cuts.get(i), List.of());
            try (LineRecordReader reader = new LineRecordReader(split, CONF, counters, bufferSize)) {
                while (reader.nextKeyValue()) {
                    lines.add(new Line(reader.currentKey().get(), reader.currentValue().toString()));
                }
                assertThat(reader.progress()).isEqualTo(1f);
            }
        }
        return lines;
    }

    private Path write(String name, byte[] content) throws IOException {
        java.nio.file.Path local = dir.resolve(name);
        Files.write(local, content);
        return path(local);
    }

    private void assertEverySplittingReadsEachLineOnce(String name, byte[] content, Random random, int rounds) throws IOException {
        Path file = write(name, content);
        List<Line> expected = expectedLines(content);
        for (int round = 0; round < rounds; round++) {
            TreeSet<Long> cutSet = new TreeSet<>(List.of(0L, (long) content.length));
            int cutCount = content.length == 0 ? 0 : random.nextInt(Math.min(content.length, 12) + 1);
            for (int c = 0; c < cutCount; c++) {
                cutSet.add(1 + (long) random.nextInt(content.length));
            }
            List<Long> cuts = new ArrayList<>(cutSet);
            if (content.length == 0) {
                cuts = List.of(0L, 0L);
            }
            int bufferSize = 1 + random.nextInt(random.nextBoolean() ? 8 : 4096);
            assertThat(readSplits(file, cuts, bufferSize, new Counters()))
                    .as("%s cut at %s with a %d-byte buffer", name, cuts, bufferSize)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void randomFilesCutAtRandomOffsetsYieldEveryLineOnceInOrderWithItsOffset() throws IOException {
        long seed = Seeds.seed("randomFilesCutAtRandomOffsetsYieldEveryLineOnceInOrderWithItsOffset");
        Random random = new Random(seed);
        for (int file = 0; file < 40; file++) {
            assertEverySplittingReadsEachLineOnce("random-" + file + " (seed " + seed + ")", randomText(random), random, 12);
        }
    }

    @Test
    void everySplitSizeOfASmallFileReadsEachLineOnce() throws IOException {
        byte[] content = "alpha\r\n\nbeta gamma\n\r\nlast line without newline".getBytes(StandardCharsets.UTF_8);
        Path file = write("small.txt", content);
        for (int size = 1; size <= content.length; size++) {
            List<Long> cuts = new ArrayList<>();
            for (long at = 0; at < content.length; at += size) {
                cuts.add(at);
            }
            cuts.add((long) content.length);
            assertThat(readSplits(file, cuts, 4, new Counters())).as("split size %d", size)
                    .containsExactly(new Line(0, "alpha"), new Line(7, ""), new Line(8, "beta gamma"), new Line(19, ""),
                            new Line(21, "last line without newline"));
        }
    }

    @Test
    void specialFilesReadCorrectlyWhateverTheSplits() throws IOException {
        Random random = new Random(Seeds.seed("specialFilesReadCorrectlyWhateverTheSplits"));
        String longLine = "x".repeat(10_000);
        List<String> contents = List.of("", "\n", "\r\n", "one line", "one line\n", "one line\r\n", "\n\n\n",
                "a\nb", longLine + "\n" + longLine + "\r\nshort\n" + longLine, "tail\r");
        for (int i = 0; i < contents.size(); i++) {
            assertEverySplittingReadsEachLineOnce("special-" + i, contents.get(i).getBytes(StandardCharsets.UTF_8), random, 15);
        }
    }

    @Test
    void emptyFileHasNoLinesAndFullProgress() throws IOException {
        Path file = write("empty.txt", new byte[0]);
        try (LineRecordReader reader = new LineRecordReader(new FileSplit(file, 0, 0, List.of()), CONF, new Counters())) {
            assertThat(reader.nextKeyValue()).isFalse();
            assertThat(reader.progress()).isEqualTo(1f);
        }
    }

    @Test
    void positionNamesThePathAndOffsetOfTheCurrentLine() throws IOException {
        Path file = write("pos.txt", "first\nsecond\n".getBytes(StandardCharsets.UTF_8));
        try (LineRecordReader reader = new LineRecordReader(new FileSplit(file, 0, 13, List.of()), CONF, new Counters())) {
            assertThat(reader.nextKeyValue()).isTrue();
            assertThat(reader.nextKeyValue()).isTrue();
            assertThat(reader.currentValue().toString()).isEqualTo("second");
            assertThat(reader.position()).isEqualTo(file + " at byte offset 6");
        }
    }

    @Test
    void progressGrowsWithTheBytesConsumed() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("line ").append(i).append('\n');
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        Path file = write("progress.txt", content);
        try (LineRecordReader reader = new LineRecordReader(new FileSplit(file, 0, content.length, List.of()), CONF,
                new Counters(), 64)) {
            assertThat(reader.progress()).isEqualTo(0f);
            for (int i = 0; i < 500; i++) {
                reader.nextKeyValue();
            }
            assertThat(reader.progress()).isBetween(0.4f, 0.6f);
        }
    }

    @Test
    void countsTheBytesReadUnderTheFileScheme() throws IOException {
        byte[] content = "a\nbb\nccc\n".getBytes(StandardCharsets.UTF_8);
        Path file = write("count.txt", content);
        Counters counters = new Counters();
        readSplits(file, List.of(0L, (long) content.length), 1024, counters);
        assertThat(FileSystemCounters.bytesRead(counters, "file").value()).isEqualTo(content.length);
    }

    private static byte[] randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int lines = random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(10);
            int length = kind == 0 ? 0 : kind == 1 ? 50 + random.nextInt(400) : random.nextInt(20);
            for (int c = 0; c < length; c++) {
                int pick = random.nextInt(30);
                text.append(pick == 0 ? '\r' : pick == 1 ? 'é' : pick == 2 ? '\t' : (char) ('a' + random.nextInt(26)));
            }
            boolean last = i == lines - 1;
            if (!last || random.nextBoolean()) {
                text.append(random.nextInt(3) == 0 ? "\r\n" : "\n");
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
