package io.quarry.mapreduce.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.RunningJob;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LocalJobRunnerTest {
    @TempDir
    Path dir;

    /** Splits words on spaces, one record per word. */
    public static final class WordMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final Text word = new Text();
        private final LongValue one = new LongValue(1);

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            for (String token : line.toString().split(" ")) {
                if (!token.isEmpty()) {
                    context.write(word.set(token), one);
                }
            }
        }
    }

    public static final class SumReducer extends Reducer<Text, LongValue, Text, LongValue> {
        private final LongValue sum = new LongValue();

        @Override
        public void reduce(Text key, Iterable<LongValue> values, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            long total = 0;
            for (LongValue value : values) {
                total += value.get();
            }
            context.write(key, sum.set(total));
        }
    }

    /** Fails on the line "boom". */
    public static final class FailingMapper extends Mapper<LongValue, Text, Text, LongValue> {
        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) {
            if (line.toString().equals("boom")) {
                throw new IllegalStateException("cannot map boom");
            }
        }
    }

    /** Blocks until interrupted, after telling the test it started. */
    public static final class BlockingMapper extends Mapper<LongValue, Text, Text, LongValue> {
        static volatile CountDownLatch started = new CountDownLatch(1);

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws InterruptedException {
            started.countDown();
            new CountDownLatch(1).await();
        }
    }

    private Configuration conf() {
        return Configuration.of(Map.of(MapReduceConfigKeys.LOCAL_DIRS.name(), dir.resolve("local").toString(),
                MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "4k"));
    }

    private Job wordCount(Path input, Path output, int reduces) {
        Job job = Job.create(conf(), "wordcount");
        job.setMapperClass(WordMapper.class);
        job.setCombinerClass(SumReducer.class);
        job.setReducerClass(SumReducer.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(LongValue.class);
        job.setNumReduceTasks(reduces);
        job.addInputPath(new io.quarry.dfs.Path(input.toUri().toString()));
        job.setOutputPath(new io.quarry.dfs.Path(output.toUri().toString()));
        return job;
    }

    private Map<String, Long> writeRandomText(Path file, long seed, int lines) throws IOException {
        Random random = new Random(seed);
        Map<String, Long> counts = new HashMap<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int words = random.nextInt(8);
            for (int w = 0; w < words; w++) {
                String word = "w" + random.nextInt(200);
                counts.merge(word, 1L, Long::sum);
                text.append(w == 0 ? "" : " ").append(word);
            }
            text.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return counts;
    }

    private static Map<String, Long> readOutput(Path output) throws IOException {
        Map<String, Long> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    String[] kv = line.split("\t");
                    assertThat(result.put(kv[0], Long.parseLong(kv[1]))).as("key %s twice", kv[0]).isNull();
                }
            }
        }
        return result;
    }

    @Test
    void wordCountOverSeveralSplitsAndReducersMatchesAPlainCount() throws Exception {
        long seed = Seeds.seed("wordCountOverSeveralSplitsAndReducersMatchesAPlainCount");
        Map<String, Long> expected = new TreeMap<>(writeRandomText(dir.resolve("in/a.txt"), seed, 3000));
        Map<String, Long> second = writeRandomText(dir.resolve("in/b.txt"), seed + 1, 1000);
        second.forEach((k, v) -> expected.merge(k, v, Long::sum));
        Job job = wordCount(dir.resolve("in"), dir.resolve("out"), 3);

        assertThat(job.waitForCompletion(false)).isTrue();

        assertThat(readOutput(dir.resolve("out"))).isEqualTo(expected);
        assertThat(dir.resolve("out/_SUCCESS")).exists();
        assertThat(dir.resolve("out/_temporary")).doesNotExist();
        JobStatus status = job.status();
        assertThat(status.counters().value(JobCounter.TOTAL_LAUNCHED_REDUCES)).isEqualTo(3);
        assertThat(status.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS)).isGreaterThan(2);
        assertThat(status.counters().value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(4000);
        assertThat(status.counters().value(TaskCounter.REDUCE_OUTPUT_RECORDS)).isEqualTo(expected.size());
        assertThat(status.mapProgress()).isEqualTo(1f);
        assertThat(status.reduceProgress()).isEqualTo(1f);
        assertThat(dir.resolve("local")).isEmptyDirectory();
    }

    @Test
    void mapOnlyJobWritesOnePartFilePerSplit() throws Exception {
        writeRandomText(dir.resolve("in/a.txt"), 7, 2000);
        Job job = wordCount(dir.resolve("in"), dir.resolve("out"), 0);

        assertThat(job.waitForCompletion(false)).isTrue();

        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            List<String> parts = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).toList();
            assertThat(parts).isNotEmpty().allMatch(n -> n.startsWith("part-m-"));
        }
    }

    @Test
    void existingOutputDirectoryIsRefusedAtSubmission() throws Exception {
        writeRandomText(dir.resolve("in/a.txt"), 1, 10);
        Files.createDirectories(dir.resolve("out"));
        Job job = wordCount(dir.resolve("in"), dir.resolve("out"), 1);

        assertThatThrownBy(job::submit).isInstanceOf(IOException.class).hasMessageContaining("already exists");
    }

    @Test
    void failingMapperFailsTheJobNamingTaskPathAndOffsetAndLeavesNoOutput() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.txt"), "fine\nalso fine\nboom\n");
        Job job = wordCount(dir.resolve("in"), dir.resolve("out"), 1);
        job.setMapperClass(FailingMapper.class);

        assertThat(job.waitForCompletion(false)).isFalse();

        JobStatus status = job.status();
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failure()).contains("_m_000000_0").contains("a.txt").contains("offset 15")
                .contains("cannot map boom");
        assertThat(dir.resolve("out/_SUCCESS")).doesNotExist();
        if (Files.exists(dir.resolve("out"))) {
            try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
        }
    }

    @Test
    void killedJobStopsItsTasksAndCommitsNothing() throws Exception {
        writeRandomText(dir.resolve("in/a.txt"), 3, 100);
        BlockingMapper.started = new CountDownLatch(1);
        Job job = wordCount(dir.resolve("in"), dir.resolve("out"), 1);
        job.setMapperClass(BlockingMapper.class);
        RunningJob running = job.submit();
        BlockingMapper.started.await();

        running.kill();

        Await.until("job killed", Duration.ofSeconds(30), () -> statusOf(running).state().isFinished());
        assertThat(statusOf(running).state()).isEqualTo(JobState.KILLED);
        assertThat(statusOf(running).failure()).isEqualTo("killed by the user");
        assertThat(dir.resolve("out/_SUCCESS")).doesNotExist();
        assertThat(dir.resolve("out/_temporary")).doesNotExist();
    }

    @Test
    void emptyInputDirectoryGivesAnEmptySuccessfulOutput() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Job job = wordCount(dir.resolve("in"), dir.resolve("out"), 2);

        assertThat(job.waitForCompletion(false)).isTrue();

        assertThat(readOutput(dir.resolve("out"))).isEmpty();
        assertThat(dir.resolve("out/_SUCCESS")).exists();
    }

    private static JobStatus statusOf(RunningJob job) {
        try {
            return job.status();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
