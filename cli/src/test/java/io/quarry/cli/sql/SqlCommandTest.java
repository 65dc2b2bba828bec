package io.quarry.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.cli.CliRun;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.FileSystemOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry sql} end to end over the real SqlSession and a catalog in a local directory. */
@Timeout(60)
class SqlCommandTest {
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new AssertionError("no filesystem expected, asked for " + uri);
    };

    @TempDir
    Path dir;
    private Path logs;

    @BeforeEach
    void data() throws IOException {
        logs = dir.resolve("logs");
        Files.createDirectories(logs.resolve("dt=2025-03-10"));
        Files.writeString(logs.resolve("dt=2025-03-10/part-0"), "a\n");
        Files.createDirectories(logs.resolve("dt=2025-03-11"));
        Files.writeString(logs.resolve("dt=2025-03-11/part-0"), "b\n");
    }

    private CliRun sql(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "-Dfs.defaultFS=file:///", "-Dmapreduce.framework.name=local",
                "-Dquarry.sql.catalog.dir=" + dir.resolve("catalog").toUri(),
                "-Dhive.metastore.warehouse.dir=" + dir.resolve("warehouse").toUri(),
                "sql", "-d", "logs=" + logs.toUri()));
        all.addAll(List.of(args));
        return CliRun.withStdin(NO_FILESYSTEM, stdin, all.toArray(String[]::new));
    }

    private static final String CREATE = "CREATE EXTERNAL TABLE hits (line STRING) PARTITIONED BY (dt STRING) "
            + "LOCATION '${hivevar:logs}'";

    @Test
    void helpDescribesTheOptions() {
        CliRun run = CliRun.run(NO_FILESYSTEM, "sql", "--help");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: quarry", "sql [options]", "-e", "-f <file.sql>", "--output table|tsv|csv",
                "--hivevar", "${env:NAME}");
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun unknown = sql("", "--bogus");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("sql: unknown option '--bogus'");
        assertThat(sql("", "-e", "x", "-f", "y").err()).contains("-e and -f cannot be used together");
        assertThat(sql("", "--output", "xml").err()).contains("unknown output format 'xml'");
        assertThat(sql("", "-d", "novalue").err()).contains("-d expects name=value");
        CliRun missing = sql("", "-f", dir.resolve("none.sql").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file: ");
    }

    @Test
    void executeRunsStatementsAndRepairFindsThePartitions() {
        CliRun run = sql("", "--output", "tsv", "-e", CREATE + "; MSCK REPAIR TABLE hits; SHOW PARTITIONS hits; SHOW TABLES");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Created table default.hits\n")
                .contains("Added 2 partitions to default.hits\n")
                .endsWith("dt=2025-03-10\ndt=2025-03-11\nhits\n");
        assertThat(run.err()).contains("OK (").contains("2 rows selected (").contains("1 row selected (");
    }

    @Test
    void aFileStopsAtItsFirstErrorWithTheFilePosition() throws IOException {
        Path file = dir.resolve("script.sql");
        Files.writeString(file, "-- set up\n" + CREATE + ";\n\nSHOW TABLES;\nDROP TABLE\n   hits extra;\nSHOW TABLES;\n");
        CliRun run = sql("", "--output", "tsv", "-f", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).isEqualTo("Created table default.hits\nhits\n");
        assertThat(run.err()).contains("Error: Syntax error at line 6, column 9: unexpected 'extra', expected end of statement")
                .contains("extra").contains("(" + file + ")").contains("   hits extra;\n          ^\n");
    }

    @Test
    void forceGoesOnAfterAFailure() {
        CliRun run = sql("", "--force", "--output", "tsv", "-S", "-e", "DROP TABLE nope; " + CREATE + "; SHOW TABLES");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).endsWith("hits\n");
        assertThat(run.err()).contains("Error: ").contains("nope").doesNotContain("OK (");
    }

    @Test
    void theInteractiveShellReadsStandardInputAndSurvivesErrors() {
        String input = CREATE + ";\nDROP TABLE nope;\nSHOW\n  TABLES;\nSELEC oops;\nDESCRIBE hits;\nquit;\nSHOW TABLES;\n";
        CliRun run = sql(input, "--output", "table");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("""
                +----------+
                | tab_name |
                +----------+
                | hits     |
                +----------+
                """).contains("| line                    | string    |");
        assertThat(run.err()).contains("nope").contains("SELEC");
        assertThat(run.out().split("tab_name", -1)).hasSize(2);
    }

    @Test
    void aQueryRunsAsMapReduceWithHiveFunctionsAndPrintsItsRows() throws IOException {
        Path people = dir.resolve("people");
        Files.createDirectories(people);
        Files.writeString(people.resolve("part-0"), "ann\t13/Mar/2025:14:03:07 +0000\nbob\t14/Mar/2025:01:00:00 +0000\n"
                + "cy\tgarbage\nann\t13/Mar/2025:23:59:59 +0000\n");
        String script = "CREATE EXTERNAL TABLE people (name STRING, ts STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t'"
                + " LOCATION '" + people.toUri() + "';\n"
                + "SELECT upper(name) AS who, to_date(from_unixtime(unix_timestamp(ts, 'dd/MMM/yyyy:HH:mm:ss Z'))) AS d,"
                + " count(*) AS n\nFROM people GROUP BY upper(name), to_date(from_unixtime(unix_timestamp(ts, 'dd/MMM/yyyy:HH:mm:ss Z')))"
                + "\nORDER BY who, d";
        CliRun run = sql("", "--output", "tsv", "-e", script);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("Created table default.people\nANN\t2025-03-13\t2\nBOB\t2025-03-14\t1\nCY\tNULL\t1\n");
        assertThat(run.err()).contains("Stage 1/").contains("3 rows selected (");
    }

    @Test
    void initFilesRunFirst() throws IOException {
        Path init = dir.resolve("init.sql");
        Files.writeString(init, CREATE + ";\n");
        CliRun run = sql("", "-S", "--output", "csv", "--header", "-i", init.toString(), "-e", "SHOW TABLES");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("Created table default.hits\ntab_name\nhits\n");
    }
}
