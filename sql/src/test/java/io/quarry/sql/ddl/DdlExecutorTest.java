package io.quarry.sql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.CatalogException;
import io.quarry.sql.catalog.NoSuchTableException;
import io.quarry.sql.catalog.PartitionDefinition;
import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.format.TableFormat;

@Timeout(20)
class DdlExecutorTest {
    @TempDir
    java.nio.file.Path tmp;
    private FileSystem fs;
    private Catalog catalog;
    private DdlExecutor ddl;
    private Path warehouse;

    @BeforeEach
    void open() throws IOException {
        Path root = new Path(tmp.toUri().toString());
        warehouse = root.child("warehouse");
        Configuration conf = Configuration.empty().with(SqlConfigKeys.WAREHOUSE_DIR, warehouse.toString());
        fs = FileSystem.get(root, conf);
        catalog = new Catalog(fs, root.child("catalog"));
        ddl = new DdlExecutor(catalog, conf);
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    @Test
    void createAddsTheTableToTheCatalog() throws IOException {
        DdlResult result = ddl.execute("""
                CREATE EXTERNAL TABLE logs (ip STRING, status INT)
                ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'
                WITH SERDEPROPERTIES ('input.regex'='(\\\\S+) (\\\\d+)')
                LOCATION '/data/logs'""", "default");
        assertThat(result.message()).isEqualTo("Created table default.logs");
        TableDefinition table = catalog.table("default", "logs");
        assertThat(table.external()).isTrue();
        assertThat(table.location()).isEqualTo("/data/logs");
        assertThat(table.format()).isEqualTo(TableFormat.regex("(\\S+) (\\d+)"));
    }

    @Test
    void aManagedTableWithoutLocationLivesInTheWarehouseAndDropDeletesIt() throws IOException {
        ddl.execute("CREATE TABLE Events (a INT) STORED AS JSONFILE", "default");
        Path location = warehouse.child("events");
        assertThat(catalog.table("default", "events").location()).isEqualTo(location.toString());
        assertThat(fs.exists(location)).isTrue();

        ddl.execute("DROP TABLE events", "default");
        assertThat(fs.exists(location)).isFalse();
        assertThat(catalog.findTable("default", "events")).isEmpty();
    }

    @Test
    void tablesOfOtherDatabasesGoUnderTheirOwnWarehouseDirectory() throws IOException {
        catalog.createDatabase("web");
        ddl.execute("CREATE TABLE web.hits (a INT)", "default");
        assertThat(catalog.table("web", "hits").location()).isEqualTo(warehouse.child("web.db").child("hits").toString());
        assertThat(ddl.execute("SHOW TABLES IN web", "default").rows()).containsExactly(List.of("hits"));
        assertThat(ddl.execute("SHOW TABLES", "web").rows()).containsExactly(List.of("hits"));
        assertThat(ddl.execute("SHOW TABLES", "default").rows()).isEmpty();
    }

    @Test
    void droppingAnExternalTableKeepsItsFiles() throws IOException {
        java.nio.file.Path data = Files.createDirectories(tmp.resolve("ext"));
        Files.writeString(data.resolve("part-0"), "1\n");
        ddl.execute("CREATE EXTERNAL TABLE e (a INT) LOCATION '" + data.toUri() + "'", "default");
        ddl.execute("DROP TABLE e", "default");
        assertThat(data.resolve("part-0")).exists();
    }

    @Test
    void ifNotExistsAndIfExistsMakeRepeatsHarmless() throws IOException {
        ddl.execute("CREATE TABLE t (a INT)", "default");
        assertThat(ddl.execute("CREATE TABLE IF NOT EXISTS t (b STRING)", "default").message())
                .isEqualTo("Table default.t already exists");
        assertThat(catalog.table("default", "t").columns()).extracting(c -> c.name()).containsExactly("a");
        assertThatThrownBy(() -> ddl.execute("CREATE TABLE t (a INT)", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Table default.t already exists");
        ddl.execute("DROP TABLE t", "default");
        assertThat(ddl.execute("DROP TABLE IF EXISTS t", "default").message()).isEqualTo("Table t does not exist");
    }

    @Test
    void unknownTablesAreNamedWithACloseMatch() throws IOException {
        ddl.execute("CREATE TABLE access_logs (a INT)", "default");
        assertThatThrownBy(() -> ddl.execute("DESCRIBE acces_logs", "default"))
                .isInstanceOf(NoSuchTableException.class)
                .hasMessage("Table not found: default.acces_logs (did you mean default.access_logs?)");
        assertThatThrownBy(() -> ddl.execute("DROP TABLE nothing", "default"))
                .isInstanceOf(NoSuchTableException.class).hasMessage("Table not found: default.nothing");
    }

    @Test
    void aRegexWithTheWrongGroupCountIsRejectedNamingTheTable() {
        assertThatThrownBy(() -> ddl.execute("CREATE TABLE r (a STRING, b STRING) ROW FORMAT SERDE "
                + "'org.apache.hadoop.hive.serde2.RegexSerDe' WITH SERDEPROPERTIES ('input.regex'='(.*)')", "default"))
                .isInstanceOf(CatalogException.class)
                .hasMessage("Cannot create table default.r: input.regex '(.*)' has 1 capture groups but the table has 2 columns");
        assertThatThrownBy(() -> ddl.execute("CREATE TABLE r (a INT, A STRING)", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Cannot create table default.r: Table default.r declares column 'A' twice");
    }

    @Test
    void describeListsColumnsThenPartitionInformation() throws IOException {
        ddl.execute("CREATE EXTERNAL TABLE p (host STRING, bytes BIGINT) PARTITIONED BY (dt DATE) "
                + "ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '/p'", "default");
        DdlResult result = ddl.execute("DESCRIBE p", "default");
        assertThat(result.header()).containsExactly("col_name", "data_type", "comment");
        assertThat(result.rows()).containsExactly(List.of("host", "string", ""), List.of("bytes", "bigint", ""),
                List.of("dt", "date", ""), List.of("", "", ""), List.of("# Partition Information", "", ""),
                List.of("# col_name", "data_type", "comment"), List.of("dt", "date", ""));
    }

    @Test
    void describeFormattedAddsTheTableDetails() throws IOException {
        ddl.execute("CREATE EXTERNAL TABLE p (host STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '/p'",
                "default");
        assertThat(ddl.execute("DESCRIBE FORMATTED p", "default").rows()).contains(List.of("Table Type:", "EXTERNAL_TABLE", ""),
                List.of("Location:", "/p", ""), List.of("Format:", "DELIMITED", ""), List.of("", "field.delim", "\t"));
    }

    @Test
    void addedPartitionsDefaultToDirectoriesUnderTheTableAndAreListed() throws IOException {
        ddl.execute("CREATE EXTERNAL TABLE p (host STRING) PARTITIONED BY (dt STRING, hour INT) LOCATION '/logs'", "default");
        assertThat(ddl.execute("ALTER TABLE p ADD PARTITION (dt='2024-01-02', hour=3) PARTITION (HOUR=4, dt='2024-01-02') "
                + "LOCATION '/elsewhere'", "default").message()).isEqualTo("Added 2 partitions to default.p");
        assertThat(catalog.partitions("default", "p")).extracting(PartitionDefinition::name, PartitionDefinition::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dt=2024-01-02/hour=3", "/logs/dt=2024-01-02/hour=3"),
                        org.assertj.core.groups.Tuple.tuple("dt=2024-01-02/hour=4", "/elsewhere"));
        assertThat(ddl.execute("SHOW PARTITIONS p", "default").rows())
                .containsExactly(List.of("dt=2024-01-02/hour=3"), List.of("dt=2024-01-02/hour=4"));
        assertThat(ddl.execute("ALTER TABLE p ADD IF NOT EXISTS PARTITION (dt='2024-01-02', hour=3)", "default").message())
                .isEqualTo("Added 0 partitions to default.p");
        assertThatThrownBy(() -> ddl.execute("ALTER TABLE p ADD PARTITION (dt='2024-01-02', hour=3)", "default"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> ddl.execute("ALTER TABLE p ADD PARTITION (day='x')", "default"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("does not match the partition columns of table default.p (dt, hour)");
    }

    @Test
    void createDatabaseMakesItsWarehouseDirectoryAndManagedTablesGoUnderIt() throws IOException {
        assertThat(ddl.execute("CREATE DATABASE Web COMMENT 'web logs'", "default").message()).isEqualTo("Created database web");
        Path dbDir = warehouse.child("web.db");
        assertThat(fs.exists(dbDir)).isTrue();
        ddl.execute("CREATE TABLE hits (a INT)", "web");
        assertThat(catalog.table("web", "hits").location()).isEqualTo(dbDir.child("hits").toString());
        assertThat(ddl.execute("DESCRIBE DATABASE web", "default").rows())
                .containsExactly(List.of("web", "web logs", dbDir.toString()));
        assertThat(ddl.execute("CREATE DATABASE IF NOT EXISTS web", "default").message()).isEqualTo("Database web already exists");
        assertThatThrownBy(() -> ddl.execute("CREATE DATABASE web", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Database web already exists");
    }

    @Test
    void aDatabaseLocationHoldsItsManagedTables() throws IOException {
        Path location = new Path(tmp.toUri().toString()).child("elsewhere");
        ddl.execute("CREATE DATABASE w LOCATION '" + location + "'", "default");
        assertThat(fs.exists(location)).isTrue();
        ddl.execute("CREATE TABLE t (a INT)", "w");
        assertThat(catalog.table("w", "t").location()).isEqualTo(location.child("t").toString());
        assertThat(ddl.execute("DESCRIBE DATABASE w", "default").rows()).containsExactly(List.of("w", "", location.toString()));
    }

    @Test
    void showDatabasesListsThemAllOrThoseMatchingTheLikePattern() throws IOException {
        ddl.execute("CREATE DATABASE web", "default");
        ddl.execute("CREATE DATABASE weblogs", "default");
        ddl.execute("CREATE DATABASE sales", "default");
        assertThat(ddl.execute("SHOW DATABASES", "default").rows())
                .containsExactly(List.of("default"), List.of("sales"), List.of("web"), List.of("weblogs"));
        assertThat(ddl.execute("SHOW DATABASES LIKE 'WEB*'", "default").rows()).containsExactly(List.of("web"), List.of("weblogs"));
        assertThat(ddl.execute("SHOW DATABASES LIKE 'sales|def*'", "default").rows())
                .containsExactly(List.of("default"), List.of("sales"));
        assertThat(ddl.execute("SHOW DATABASES LIKE 'web'", "default").rows()).containsExactly(List.of("web"));
    }

    @Test
    void unknownDatabasesAreNamedWithACloseMatch() throws IOException {
        ddl.execute("CREATE DATABASE weblogs", "default");
        assertThatThrownBy(() -> ddl.execute("USE weblog", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Database not found: weblog (did you mean weblogs?)");
        assertThatThrownBy(() -> ddl.execute("DESCRIBE DATABASE nothing", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Database not found: nothing");
        assertThatThrownBy(() -> ddl.execute("CREATE TABLE webblogs.t (a INT)", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Database not found: webblogs (did you mean weblogs?)");
        assertThatThrownBy(() -> ddl.execute("DROP DATABASE weblog", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Database not found: weblog (did you mean weblogs?)");
        assertThat(ddl.execute("DROP DATABASE IF EXISTS weblog", "default").message()).isEqualTo("Database weblog does not exist");
        assertThat(ddl.execute("USE WebLogs", "default").message()).isEqualTo("Using database weblogs");
    }

    @Test
    void dropDatabaseRestrictRefusesANonEmptyDatabaseNamingItsTables() throws IOException {
        ddl.execute("CREATE DATABASE web", "default");
        ddl.execute("CREATE TABLE hits (a INT)", "web");
        ddl.execute("CREATE TABLE visits (a INT)", "web");
        for (String sql : List.of("DROP DATABASE web", "DROP DATABASE web RESTRICT")) {
            assertThatThrownBy(() -> ddl.execute(sql, "default")).as(sql)
                    .isInstanceOf(CatalogException.class)
                    .hasMessage("Database web is not empty: it has tables hits, visits (drop them first, or use DROP DATABASE web CASCADE)");
        }
        assertThat(catalog.tables("web")).containsExactly("hits", "visits");
        assertThatThrownBy(() -> ddl.execute("DROP DATABASE default", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Cannot drop the default database");

        ddl.execute("DROP TABLE web.hits", "default");
        ddl.execute("DROP TABLE web.visits", "default");
        assertThat(ddl.execute("DROP DATABASE web", "default").message()).isEqualTo("Dropped database web");
        assertThat(catalog.databases()).containsExactly("default");
        assertThat(fs.exists(warehouse.child("web.db"))).isFalse();
    }

    @Test
    void dropDatabaseCascadeDropsTheTablesDeletingOnlyManagedFiles() throws IOException {
        java.nio.file.Path data = Files.createDirectories(tmp.resolve("ext"));
        Files.writeString(data.resolve("part-0"), "1\n");
        ddl.execute("CREATE DATABASE web", "default");
        ddl.execute("CREATE TABLE hits (a INT)", "web");
        ddl.execute("CREATE EXTERNAL TABLE raw (a INT) LOCATION '" + data.toUri() + "'", "web");
        Path hits = warehouse.child("web.db").child("hits");
        assertThat(fs.exists(hits)).isTrue();

        assertThat(ddl.execute("DROP DATABASE web CASCADE", "default").message()).isEqualTo("Dropped database web");
        assertThat(catalog.databases()).containsExactly("default");
        assertThat(fs.exists(hits)).isFalse();
        assertThat(fs.exists(warehouse.child("web.db"))).isFalse();
        assertThat(data.resolve("part-0")).exists();
        ddl.execute("CREATE DATABASE web", "default");
        assertThat(catalog.tables("web")).isEmpty();
    }

    @Test
    void dropPartitionRemovesItAndDeletesAManagedTablesFiles() throws IOException {
        ddl.execute("CREATE TABLE m (host STRING) PARTITIONED BY (dt STRING, hour INT)", "default");
        ddl.execute("ALTER TABLE m ADD PARTITION (dt='d1', hour=1) PARTITION (dt='d1', hour=2) PARTITION (dt='d2', hour=1)", "default");
        Path first = warehouse.child("m").child("dt=d1").child("hour=1");
        fs.mkdirs(first);
        fs.create(first.child("part-0"), true).close();

        assertThat(ddl.execute("ALTER TABLE m DROP PARTITION (HOUR=1, dt='d1'), PARTITION (dt='d2', hour='1')", "default").message())
                .isEqualTo("Dropped 2 partitions of default.m");
        assertThat(ddl.execute("SHOW PARTITIONS m", "default").rows()).containsExactly(List.of("dt=d1/hour=2"));
        assertThat(fs.exists(first)).isFalse();
        assertThat(ddl.execute("ALTER TABLE m DROP IF EXISTS PARTITION (dt='d1', hour=1)", "default").message())
                .isEqualTo("Dropped 0 partitions of default.m");
        assertThatThrownBy(() -> ddl.execute("ALTER TABLE m DROP PARTITION (dt='d1', hour=1)", "default"))
                .isInstanceOf(CatalogException.class).hasMessage("Partition dt=d1/hour=1 of table default.m does not exist");
        assertThatThrownBy(() -> ddl.execute("ALTER TABLE m DROP PARTITION (dt='d1')", "default"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("does not match the partition columns of table default.m (dt, hour)");
        assertThatThrownBy(() -> ddl.execute("ALTER TABLE mm DROP PARTITION (dt='d1', hour=1)", "default"))
                .isInstanceOf(NoSuchTableException.class).hasMessage("Table not found: default.mm (did you mean default.m?)");
    }

    @Test
    void droppingAnExternalTablesPartitionKeepsItsFiles() throws IOException {
        java.nio.file.Path data = Files.createDirectories(tmp.resolve("ext").resolve("dt=d1"));
        Files.writeString(data.resolve("part-0"), "x\n");
        ddl.execute("CREATE EXTERNAL TABLE e (host STRING) PARTITIONED BY (dt STRING) LOCATION '" + tmp.resolve("ext").toUri() + "'",
                "default");
        ddl.execute("ALTER TABLE e ADD PARTITION (dt='d1')", "default");
        ddl.execute("ALTER TABLE e DROP PARTITION (dt='d1')", "default");
        assertThat(catalog.partitions("default", "e")).isEmpty();
        assertThat(data.resolve("part-0")).exists();
    }

    @Test
    void syntaxErrorsReachTheCallerUntouched() {
        assertThatThrownBy(() -> ddl.execute("CREATE TABLE (a INT)", "default"))
                .isInstanceOf(DdlParseException.class)
                .hasMessage("Syntax error at line 1, column 14: unexpected '(', expected a table name");
    }
}
