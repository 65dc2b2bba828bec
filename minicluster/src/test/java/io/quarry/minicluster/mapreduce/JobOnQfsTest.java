package io.quarry.minicluster.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.minicluster.MiniQfsCluster;

/** A job reads its input from QFS, one split per block, and writes its output back to QFS. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobOnQfsTest {
    @TempDir
    java.nio.file.Path baseDir;

    /** Counts the first character of each line. */
    public static final class FirstLetterMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final Text letter = new Text();
        private final LongValue one = new LongValue(1);

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            if (line.length() > 0) {
                context.write(letter.set(line.bytes(), 0, 1), one);
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

    @Test
    void jobReadsEveryBlockOfItsQfsInputOnceAndWritesItsOutputToQfs() throws Exception {
        Random random = new Random(Seeds.seed("jobReadsEveryBlockOfItsQfsInputOnceAndWritesItsOutputToQfs"));
        try (MiniQfsCluster cluster = MiniQfsCluster.builder(baseDir).numDataNodes(3)
                .set("dfs.blocksize", "64k").set("dfs.replication", "2").build()) {
            FileSystem fs = cluster.fileSystem();
            Map<String, Long> expected = new TreeMap<>();
            StringBuilder text = new StringBuilder();
            long lines = 0;
            while (text.length() < 300_000) {
                int length = 1 + random.nextInt(60);
                char first = (char) ('a' + random.nextInt(26));
                text.append(first);
                for (int i = 1; i < length; i++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append('\n');
                expected.merge(String.valueOf(first), 1L, Long::sum);
                lines++;
            }
            try (OutputStream out = fs.create(new Path("/in/lines.txt"), true)) {
                out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
            }
            int blocks = fs.getFileBlockLocations(new Path("/in/lines.txt"), 0, Long.MAX_VALUE).size();
            assertThat(blocks).isGreaterThan(3);

            Job job = Job.create(cluster.conf(), "first-letters");
            job.setMapperClass(FirstLetterMapper.class);
            job.setCombinerClass(SumReducer.class);
            job.setReducerClass(SumReducer.class);
            job.setOutputKeyClass(Text.class);
            job.setOutputValueClass(LongValue.class);
            job.setNumReduceTasks(2);
            job.set("quarry.mapreduce.local.dirs", baseDir.resolve("mapred").toString());
            job.addInputPath(new Path("/in"));
            job.setOutputPath(new Path("/out"));

            assertThat(job.waitForCompletion(false)).as(job.status().failure()).isTrue();

            assertThat(job.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS)).isEqualTo(blocks);
            assertThat(job.counters().value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(lines);
            Map<String, Long> actual = new TreeMap<>();
            List<FileStatus> outputs = fs.listStatus(new Path("/out"));
            assertThat(outputs).extracting(s -> s.path().name()).contains("_SUCCESS", "part-r-00000", "part-r-00001");
            for (FileStatus status : outputs) {
                if (status.path().name().startsWith("part-")) {
                    for (String line : read(fs, status.path()).split("\n")) {
                        if (!line.isEmpty()) {
                            String[] kv = line.split("\t");
                            actual.put(kv[0], Long.parseLong(kv[1]));
                        }
                    }
                }
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static String read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
