package io.quarry.mapreduce.input;

import static io.quarry.mapreduce.input.FormatTesting.path;
import static io.quarry.mapreduce.input.FormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FileInputFormatTest {
    @TempDir
    java.nio.file.Path dir;

    private final TextInputFormat format = new TextInputFormat();

    private JobContext job(String inputs, String... settings) {
        Configuration conf = Configuration.empty().with(MapReduceConfigKeys.INPUT_DIRS, inputs);
        for (int i = 0; i < settings.length; i += 2) {
            conf = conf.with(settings[i], settings[i + 1]);
        }
        return FormatTesting.mapAttempt(conf);
    }

    private List<String> splitFileNames(JobContext job) throws IOException {
        return format.splits(job).stream().map(split -> ((FileSplit) split).path().name()).sorted().toList();
    }

    @Test
    void directoryInputSkipsHiddenFilesAndSubdirectories() throws IOException {
        write(dir.resolve("in/a.txt"), "a\n");
        write(dir.resolve("in/b.txt"), "b\n");
        write(dir.resolve("in/_SUCCESS"), "");
        write(dir.resolve("in/.a.txt.crc"), "x");
        write(dir.resolve("in/sub/c.txt"), "c\n");
        assertThat(splitFileNames(job(path(dir.resolve("in")).toString()))).containsExactly("a.txt", "b.txt");
    }

    @Test
    void recursiveDirectoryInputReadsSubdirectoriesButNotHiddenOnes() throws IOException {
        write(dir.resolve("in/a.txt"), "a\n");
        write(dir.resolve("in/sub/deeper/c.txt"), "c\n");
        write(dir.resolve("in/_temporary/attempt/d.txt"), "d\n");
        JobContext job = job(path(dir.resolve("in")).toString(), MapReduceConfigKeys.INPUT_RECURSIVE.name(), "true");
        assertThat(splitFileNames(job)).containsExactly("a.txt", "c.txt");
    }

    @Test
    void globsAndSeveralPathsAreAllRead() throws IOException {
        write(dir.resolve("logs/2024-01/x.log"), "1\n");
        write(dir.resolve("logs/2024-02/y.log"), "2\n");
        write(dir.resolve("logs/2024-02/y.txt"), "2\n");
        write(dir.resolve("logs/2023-12/z.log"), "3\n");
        write(dir.resolve("logs/2024-03/_hidden.log"), "4\n");
        write(dir.resolve("extra.txt"), "5\n");
        String inputs = path(dir) + "/logs/2024-*/*.log," + path(dir.resolve("extra.txt"));
        assertThat(splitFileNames(job(inputs))).containsExactly("extra.txt", "x.log", "y.log");
    }

    @Test
    void missingPathIsAnErrorNamingIt() throws IOException {
        write(dir.resolve("present.txt"), "x\n");
        Path missing = path(dir.resolve("absent"));
        assertThatThrownBy(() -> format.splits(job(path(dir.resolve("present.txt")) + "," + missing)))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("Input path does not exist: " + missing);
    }

    @Test
    void globMatchingNothingIsAnErrorNamingIt() {
        String pattern = path(dir) + "/nothing-*.txt";
        assertThatThrownBy(() -> format.splits(job(pattern)))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(pattern).hasMessageContaining("matches 0 files");
    }

    @Test
    void noInputPathsIsAnError() {
        assertThatThrownBy(() -> format.splits(job(""))).hasMessageContaining(MapReduceConfigKeys.INPUT_DIRS.name());
    }

    @Test
    void localFilesAreCutAtTheLocalSplitSizeLargestFirst() throws IOException {
        Files.write(dir.resolve("big.txt"), new byte[3500]);
        Files.write(dir.resolve("small.txt"), new byte[700]);
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        JobContext job = job(path(dir).toString(), MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "1000");
        List<InputSplit> splits = format.splits(job);
        assertThat(splits).extracting(InputSplit::length).containsExactly(1000L, 1000L, 1000L, 700L, 500L, 0L);
        assertThat(splits.stream().map(s -> (FileSplit) s).filter(s -> s.path().name().equals("big.txt"))
                .map(FileSplit::start).sorted().toList()).containsExactly(0L, 1000L, 2000L, 3000L);
        assertThat(((FileSplit) splits.get(0)).hosts()).containsExactly("localhost");
    }

    @Test
    void splitMaxSizeOverridesTheBlockSize() throws IOException {
        Files.write(dir.resolve("big.txt"), new byte[3500]);
        JobContext job = job(path(dir).toString(), MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "1000",
                MapReduceConfigKeys.SPLIT_MAXSIZE.name(), "400");
        assertThat(format.splits(job)).hasSize(9);
    }

    @Test
    void unsplitableFormatsReadEachFileWhole() throws IOException {
        Files.write(dir.resolve("big.txt"), new byte[3500]);
        TextInputFormat whole = new TextInputFormat() {
            @Override
            protected boolean isSplitable(JobContext job, Path file) {
                return false;
            }
        };
        assertThat(whole.splits(job(path(dir).toString(), MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "1000")))
                .extracting(InputSplit::length).containsExactly(3500L);
    }

    @Test
    void textInputReadsEveryLineOfEverySplitOnce() throws IOException {
        List<String> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String line = "line " + i + " " + "z".repeat(i % 37);
            expected.add(line);
            text.append(line).append('\n');
        }
        write(dir.resolve("in/lines.txt"), text.toString());
        JobContext job = job(path(dir.resolve("in")).toString(), MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "4k");
        List<InputSplit> splits = format.splits(job);
        assertThat(splits.size()).isGreaterThan(20);
        List<FormatTesting.Entry> read = new ArrayList<>();
        for (InputSplit split : splits.stream().sorted((a, b) -> Long.compare(((FileSplit) a).start(), ((FileSplit) b).start())).toList()) {
            TaskAttemptContext attempt = FormatTesting.mapAttempt(job.configuration());
            read.addAll(FormatTesting.readAll(format.createRecordReader(split, attempt)));
        }
        assertThat(read.stream().map(FormatTesting.Entry::value).collect(Collectors.toList())).isEqualTo(expected);
    }

    @Test
    void unsupportedCompressedTextIsOneSplitAndRejectedWithAClearError() throws IOException {
        Files.write(dir.resolve("logs.bz2"), new byte[3500]);
        JobContext job = job(path(dir).toString(), MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "1000");
        List<InputSplit> splits = format.splits(job);
        assertThat(splits).extracting(InputSplit::length).containsExactly(3500L);
        assertThatThrownBy(() -> format.createRecordReader(splits.get(0), FormatTesting.mapAttempt(job.configuration())))
                .hasMessageContaining("logs.bz2").hasMessageContaining("not supported").hasMessageContaining(".gz");
    }

    @Test
    void gzipAndZstdTextIsReadWholeInOneSplit() throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String line = "line " + i + " " + "x".repeat(i % 37);
            lines.add(line);
            (i < 2500 ? first : second).append(line).append('\n');
        }
        // Two gzip members back to back, as `cat a.gz b.gz` makes.
        java.io.ByteArrayOutputStream gzip = new java.io.ByteArrayOutputStream();
        for (StringBuilder part : List.of(first, second)) {
            try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzip) {
                @Override
                public void close() throws IOException {
                    finish();
                }
            }) {
                out.write(part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Files.write(dir.resolve("a.log.gz"), gzip.toByteArray());
        Files.write(dir.resolve("b.log.zst"), com.github.luben.zstd.Zstd.compress(
                (first.toString() + second).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        for (String name : List.of("a.log.gz", "b.log.zst")) {
            JobContext job = job(path(dir.resolve(name)).toString(), MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "1000");
            List<InputSplit> splits = format.splits(job);
            assertThat(splits).as(name).hasSize(1);
            var reader = format.createRecordReader(splits.get(0), FormatTesting.mapAttempt(job.configuration()));
            List<FormatTesting.Entry> read = FormatTesting.readAll(reader);
            assertThat(read.stream().map(FormatTesting.Entry::value).collect(Collectors.toList())).as(name).isEqualTo(lines);
        }
    }

    @Test
    void fileNamedLiterallyIsReadEvenWhenItsNameLooksHidden() throws IOException {
        write(dir.resolve("_data.txt"), "x\n");
        assertThat(splitFileNames(job(path(dir.resolve("_data.txt")).toString()))).containsExactly("_data.txt");
    }
}
