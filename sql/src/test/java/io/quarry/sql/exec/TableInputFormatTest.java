package io.quarry.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.sql.catalog.PartitionDefinition;
import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;
import io.quarry.sql.format.TableFormat;
import io.quarry.sql.catalog.TableDefinition;

@Timeout(30)
class TableInputFormatTest {
    private static final JobId JOB = new JobId("local", 1);
    private static final List<Column> NAME_COUNT = List.of(new Column("name", ColumnType.STRING),
            new Column("n", ColumnType.INT));

    @TempDir
    java.nio.file.Path dir;

    /** A row as read: its key and values. */
    record Read(long offset, List<Object> values) {
    }

    @Test
    void delimitedLinesBecomeTypedRowsKeyedByByteOffset() throws IOException {
        write(dir.resolve("t/a.txt"), "a,1\nb,x\n,3\n");
        TableDefinition table = table(NAME_COUNT, List.of(), TableFormat.delimited(','));

        assertThat(readAll(TableScanJobs.settings(table), "4k")).containsExactly(
                new Read(0, Arrays.asList("a", 1)), new Read(4, Arrays.asList("b", null)), new Read(8, Arrays.asList("", 3)));
    }

    @Test
    void regexLinesThatDoNotMatchAreRowsOfNulls() throws IOException {
        write(dir.resolve("t/a.log"), "x 1\nnot a match at all\ny 22\n");
        TableDefinition table = table(NAME_COUNT, List.of(), TableFormat.regex("(\\S+) (\\d+)"));

        assertThat(values(readAll(TableScanJobs.settings(table), "4k"))).containsExactly(
                Arrays.asList("x", 1), Arrays.asList(null, null), Arrays.asList("y", 22));
    }

    @Test
    void onlyTheReadColumnsAreDecodedAndReadingNoneStillGivesARowPerLine() throws IOException {
        write(dir.resolve("t/a.log"), "x 1\nnot a match at all\ny 22\n\n");
        TableDefinition table = table(NAME_COUNT, List.of(), TableFormat.regex("(\\S+) (\\d+)"));

        assertThat(values(readAll(TableScanJobs.settings(table, null, List.of("n")), "4k"))).containsExactly(
                Arrays.asList(null, 1), Arrays.asList(null, null), Arrays.asList(null, 22), Arrays.asList(null, null));
        assertThat(readAll(TableScanJobs.settings(table, null, List.of()), "4k")).extracting(Read::offset)
                .containsExactly(0L, 4L, 23L, 28L);
    }

    @Test
    void jsonLinesFillColumnsByName() throws IOException {
        write(dir.resolve("t/a.json"), "{\"N\": 5, \"name\": \"a\"}\n{\"name\": null}\nbroken\n");
        TableDefinition table = table(NAME_COUNT, List.of(), TableFormat.json());

        assertThat(values(readAll(TableScanJobs.settings(table), "4k"))).containsExactly(
                Arrays.asList("a", 5), Arrays.asList(null, null), Arrays.asList(null, null));
    }

    @Test
    void linesStraddlingSplitBoundariesAreReadExactlyOnce() throws IOException {
        long seed = Seeds.seed("linesStraddlingSplitBoundariesAreReadExactlyOnce");
        Random random = new Random(seed);
        List<List<Object>> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String name = "n" + "x".repeat(random.nextInt(60));
            expected.add(Arrays.asList(name, i));
            text.append(name).append(',').append(i).append('\n');
        }
        write(dir.resolve("t/big.txt"), text.toString());
        TableDefinition table = table(NAME_COUNT, List.of(), TableFormat.delimited(','));
        Map<String, String> settings = TableScanJobs.settings(table);

        assertThat(splits(settings, "97")).as("seed %s", seed).hasSizeGreaterThan(10);
        List<List<Object>> rows = values(readAll(settings, "97"));
        rows.sort((a, b) -> Integer.compare((Integer) a.get(1), (Integer) b.get(1)));
        assertThat(rows).as("seed %s", seed).isEqualTo(expected);
    }

    @Test
    void gzipFilesAreReadWholeInOneSplit() throws IOException {
        java.nio.file.Path file = dir.resolve("t/a.txt.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("a,1\nb,2\nc,3\n".repeat(20).getBytes(StandardCharsets.UTF_8));
        }
        TableDefinition table = table(NAME_COUNT, List.of(), TableFormat.delimited(','));

        assertThat(splits(TableScanJobs.settings(table), "16")).hasSize(1);
        List<Read> rows = readAll(TableScanJobs.settings(table), "16");
        assertThat(rows).hasSize(60);
        assertThat(rows.get(0)).isEqualTo(new Read(0, Arrays.asList("a", 1)));
        assertThat(rows.get(59)).isEqualTo(new Read(236, Arrays.asList("c", 3)));
    }

    @Test
    void partitionValuesFromDirectoryNamesAreAppendedTypedOrNull() throws IOException {
        write(dir.resolve("t/dt=2024-01-02/hour=13/a.txt"), "a,1\n");
        write(dir.resolve("t/dt=2024-01-03/hour=late/a.txt"), "b,2\n");
        write(dir.resolve("t/dt=__HIVE_DEFAULT_PARTITION__/hour=0%37/a.txt"), "c,3\n");
        TableDefinition table = table(NAME_COUNT, List.of(new Column("dt", ColumnType.DATE),
                new Column("hour", ColumnType.INT)), TableFormat.delimited(','));

        assertThat(values(readAll(TableScanJobs.settings(table), "4k"))).containsExactlyInAnyOrder(
                Arrays.asList("a", 1, LocalDate.of(2024, 1, 2), 13),
                Arrays.asList("b", 2, LocalDate.of(2024, 1, 3), null),
                Arrays.asList("c", 3, null, 7));
    }

    @Test
    void choosingPartitionsReadsOnlyTheirDirectories() throws IOException {
        write(dir.resolve("t/dt=2024-01-02/a.txt"), "a,1\n");
        write(dir.resolve("t/dt=2024-01-03/a.txt"), "b,2\n");
        TableDefinition table = table(NAME_COUNT, List.of(new Column("dt", ColumnType.STRING)), TableFormat.delimited(','));
        PartitionDefinition chosen = new PartitionDefinition(Map.of("dt", "2024-01-03"), local(dir.resolve("t/dt=2024-01-03")));

        assertThat(values(readAll(TableScanJobs.settings(table, List.of(chosen)), "4k")))
                .containsExactly(Arrays.asList("b", 2, "2024-01-03"));
    }

    @Test
    void aChosenPartitionOutsideColValueDirectoriesTakesItsValuesFromTheCatalog() throws IOException {
        write(dir.resolve("elsewhere/january/a.txt"), "a,1\n");
        write(dir.resolve("t/dt=2024-01-03/a.txt"), "b,2\n");
        TableDefinition table = table(NAME_COUNT, List.of(new Column("dt", ColumnType.STRING),
                new Column("shard", ColumnType.INT)), TableFormat.delimited(','));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("dt", "odd/value,with=:%");
        values.put("shard", "7");
        PartitionDefinition moved = new PartitionDefinition(values, local(dir.resolve("elsewhere/january")));
        PartitionDefinition plain = new PartitionDefinition(Map.of("dt", "2024-01-03"), local(dir.resolve("t/dt=2024-01-03")));

        assertThat(values(readAll(TableScanJobs.settings(table, List.of(moved, plain)), "4k"))).containsExactlyInAnyOrder(
                Arrays.asList("a", 1, "odd/value,with=:%", 7), Arrays.asList("b", 2, "2024-01-03", null));
    }

    @Test
    void filesNamedWithUnderscoreOrDotAreSkipped() throws IOException {
        write(dir.resolve("t/part-0"), "a,1\n");
        write(dir.resolve("t/_SUCCESS"), "b,2\n");
        write(dir.resolve("t/.part-0.crc"), "c,3\n");
        write(dir.resolve("t/dt=x/_tmp.txt"), "d,4\n");
        TableDefinition partitioned = table(NAME_COUNT, List.of(new Column("dt", ColumnType.STRING)), TableFormat.delimited(','));

        assertThat(values(readAll(TableScanJobs.settings(partitioned), "4k"))).containsExactly(Arrays.asList("a", 1, null));
    }

    @Test
    void theScanSpecSurvivesTheJobConfiguration() {
        TableDefinition table = table(NAME_COUNT, List.of(new Column("dt", ColumnType.DATE)), TableFormat.delimited('\t'));

        TableScanSpec spec = TableScanSpec.fromConfiguration(Configuration.of(TableScanJobs.settings(table)));

        assertThat(spec).isEqualTo(new TableScanSpec(TableFormat.delimited('\t'), NAME_COUNT, table.partitionColumns()));
        assertThat(TableScanSpec.fromConfiguration(Configuration.of(TableScanJobs.settings(
                table(NAME_COUNT, List.of(), TableFormat.regex("(a),(b)"))))).format()).isEqualTo(TableFormat.regex("(a),(b)"));
    }

    private TableDefinition table(List<Column> columns, List<Column> partitionColumns, TableFormat format) {
        return new TableDefinition("default", "t", columns, partitionColumns, true, local(dir.resolve("t")), format);
    }

    private static String local(java.nio.file.Path path) {
        return "file://" + path.toAbsolutePath();
    }

    private static void write(java.nio.file.Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Configuration conf(Map<String, String> settings, String splitSize) {
        return Configuration.of(settings).with(MapReduceConfigKeys.LOCAL_BLOCK_SIZE, splitSize);
    }

    private static List<InputSplit> splits(Map<String, String> settings, String splitSize) throws IOException {
        return new TableInputFormat().splits(new JobContext(JOB, conf(settings, splitSize), TableInputFormatTest.class.getClassLoader()));
    }

    private static List<Read> readAll(Map<String, String> settings, String splitSize) throws IOException {
        Configuration conf = conf(settings, splitSize);
        List<Read> rows = new ArrayList<>();
        int task = 0;
        for (InputSplit split : splits(settings, splitSize)) {
            TaskAttemptContext context = new TaskAttemptContext(new TaskAttemptId(new TaskId(JOB, TaskType.MAP, task++), 0),
                    conf, TableInputFormatTest.class.getClassLoader());
            try (RecordReader<LongValue, Object[]> reader = new TableInputFormat().createRecordReader(split, context)) {
                while (reader.nextKeyValue()) {
                    rows.add(new Read(reader.currentKey().get(), new ArrayList<>(Arrays.asList(reader.currentValue()))));
                }
            }
        }
        return rows;
    }

    private static List<List<Object>> values(List<Read> rows) {
        return new ArrayList<>(rows.stream().map(Read::values).toList());
    }
}
