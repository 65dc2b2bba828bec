package io.quarry.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;
import io.quarry.sql.format.TableFormat;

/** A real MapReduce job on the in-process runner scanning a RegexSerDe table of web-server logs. */
@Timeout(60)
class TableScanJobTest {
    /** Hive's usual RegexSerDe pattern for the Apache combined log format. */
    private static final String COMBINED = "([^ ]*) ([^ ]*) ([^ ]*) (-|\\[[^\\]]*\\]) ([^ \"]*|\"[^\"]*\") (-|[0-9]*) (-|[0-9]*)"
            + "(?: ([^ \"]*|\"[^\"]*\") ([^ \"]*|\"[^\"]*\"))?";
    private static final List<Column> COLUMNS = List.of(new Column("host", ColumnType.STRING),
            new Column("identity", ColumnType.STRING), new Column("user", ColumnType.STRING),
            new Column("time", ColumnType.STRING), new Column("request", ColumnType.STRING),
            new Column("status", ColumnType.INT), new Column("size", ColumnType.BIGINT),
            new Column("referer", ColumnType.STRING), new Column("agent", ColumnType.STRING));

    @TempDir
    java.nio.file.Path dir;

    /** Emits (status, 1) per row; a NULL status is the key "NULL". */
    public static final class StatusMapper extends Mapper<LongValue, Object[], Text, LongValue> {
        private final Text status = new Text();
        private final LongValue one = new LongValue(1);

        @Override
        public void map(LongValue offset, Object[] row, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            context.write(status.set(row[5] == null ? "NULL" : row[5].toString()), one);
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
    void countsRowsPerStatusCodeWithUnmatchedLinesAsNullStatus() throws Exception {
        String agent = "\"Mozilla/5.0 (X11; Linux x86_64)\"";
        write("logs/access.log", String.join("\n",
                "10.0.0.1 - - [10/Oct/2024:13:55:36 +0000] \"GET /index.html HTTP/1.1\" 200 2326 \"-\" " + agent,
                "10.0.0.2 - frank [10/Oct/2024:13:55:37 +0000] \"GET /missing HTTP/1.1\" 404 512 \"http://example.com/\" " + agent,
                "this line is not a log line",
                "10.0.0.3 - - [10/Oct/2024:13:56:01 +0000] \"POST /api HTTP/1.1\" 500 - \"-\" " + agent,
                "10.0.0.1 - - [10/Oct/2024:13:56:02 +0000] \"GET /a.png HTTP/1.1\" 200 40 \"-\" " + agent,
                ""));
        write("logs/access.log.1", String.join("\n",
                "10.0.0.4 - - [09/Oct/2024:23:59:59 +0000] \"GET / HTTP/1.1\" 200 9 \"-\" " + agent,
                "10.0.0.5 - - [09/Oct/2024:23:59:59 +0000] \"GET /x HTTP/1.1\" - 0 \"-\" " + agent,
                "",
                "10.0.0.6 - - [09/Oct/2024:23:59:58 +0000] \"GET /y HTTP/1.0\" 404 7",
                ""));
        write("logs/_SUCCESS", "10.0.0.9 - - [09/Oct/2024:23:59:58 +0000] \"GET /y HTTP/1.0\" 200 7\n");
        TableDefinition table = new TableDefinition("default", "access_logs", COLUMNS, List.of(), true,
                "file://" + dir.resolve("logs").toAbsolutePath(), TableFormat.regex(COMBINED));
        java.nio.file.Path output = dir.resolve("out");

        Job job = Job.create(Configuration.of(Map.of(MapReduceConfigKeys.FRAMEWORK_NAME.name(), "local",
                MapReduceConfigKeys.LOCAL_DIRS.name(), dir.resolve("local").toString(),
                MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "256")), "status-counts");
        TableScanJobs.configure(job, table, null);
        job.setMapperClass(StatusMapper.class);
        job.setCombinerClass(SumReducer.class);
        job.setReducerClass(SumReducer.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(LongValue.class);
        job.setNumReduceTasks(2);
        job.setOutputPath(new Path("file://" + output.toAbsolutePath()));

        assertThat(job.waitForCompletion(false)).isTrue();
        assertThat(readOutput(output)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "200", 3L, "404", 2L, "500", 1L, "NULL", 3L)));
    }

    private void write(String name, String content) throws IOException {
        java.nio.file.Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, Long> readOutput(java.nio.file.Path output) throws IOException {
        Map<String, Long> result = new TreeMap<>();
        try (Stream<java.nio.file.Path> files = Files.list(output)) {
            for (java.nio.file.Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    String[] kv = line.split("\t");
                    assertThat(result.put(kv[0], Long.parseLong(kv[1]))).as("key %s twice", kv[0]).isNull();
                }
            }
        }
        return result;
    }
}
