package io.quarry.sql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.sql.ddl.DdlStatement.AddPartitions;
import io.quarry.sql.ddl.DdlStatement.CreateDatabase;
import io.quarry.sql.ddl.DdlStatement.CreateTable;
import io.quarry.sql.ddl.DdlStatement.Describe;
import io.quarry.sql.ddl.DdlStatement.DescribeDatabase;
import io.quarry.sql.ddl.DdlStatement.DropDatabase;
import io.quarry.sql.ddl.DdlStatement.DropPartitions;
import io.quarry.sql.ddl.DdlStatement.DropTable;
import io.quarry.sql.ddl.DdlStatement.PartitionSpec;
import io.quarry.sql.ddl.DdlStatement.ShowDatabases;
import io.quarry.sql.ddl.DdlStatement.ShowPartitions;
import io.quarry.sql.ddl.DdlStatement.ShowTables;
import io.quarry.sql.ddl.DdlStatement.TableRef;
import io.quarry.sql.ddl.DdlStatement.UseDatabase;
import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;
import io.quarry.sql.format.TableFormat;

@Timeout(10)
class DdlParserTest {
    @Test
    void parsesAnExternalRegexTableWithPartitionsAndLocation() {
        CreateTable create = (CreateTable) DdlParser.parse("""
                CREATE EXTERNAL TABLE IF NOT EXISTS web.access_logs (
                  ip STRING, ts TIMESTAMP COMMENT 'request time', status INT, bytes BIGINT)
                PARTITIONED BY (dt STRING)
                ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'
                WITH SERDEPROPERTIES ('input.regex'='(\\\\S+) \\\\[([^\\\\]]+)\\\\] (\\\\d{3}) (\\\\d+)')
                LOCATION 'qfs://nn:8020/logs/access';
                """);
        assertThat(create.table()).isEqualTo(new TableRef(Optional.of("web"), "access_logs"));
        assertThat(create.external()).isTrue();
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.columns()).containsExactly(new Column("ip", ColumnType.STRING), new Column("ts", ColumnType.TIMESTAMP),
                new Column("status", ColumnType.INT), new Column("bytes", ColumnType.BIGINT));
        assertThat(create.partitionColumns()).containsExactly(new Column("dt", ColumnType.STRING));
        assertThat(create.format()).isEqualTo(TableFormat.regex("(\\S+) \\[([^\\]]+)\\] (\\d{3}) (\\d+)"));
        assertThat(create.location()).contains("qfs://nn:8020/logs/access");
    }

    @Test
    void parsesADelimitedTableWithAnOctalDelimiter() {
        CreateTable create = (CreateTable) DdlParser.parse(
                "create table t (a string, `select` int) row format delimited fields terminated by '\\001' lines terminated by '\\n' stored as textfile");
        assertThat(create.external()).isFalse();
        assertThat(create.columns()).extracting(Column::name).containsExactly("a", "select");
        assertThat(create.format()).isEqualTo(TableFormat.delimited('\u0001'));
        assertThat(create.location()).isEmpty();
    }

    @Test
    void aTableWithoutRowFormatIsDelimitedByCtrlA() {
        CreateTable create = (CreateTable) DdlParser.parse("CREATE TABLE t (a INT)");
        assertThat(create.format()).isEqualTo(new TableFormat(TableFormat.Kind.DELIMITED, Map.of()));
        assertThat(create.format().fieldDelimiter()).isEqualTo('\u0001');
    }

    @Test
    void parsesJsonTablesByStoredAsOrSerde() {
        assertThat(((CreateTable) DdlParser.parse("CREATE TABLE t (a INT) STORED AS JSONFILE LOCATION '/x'")).format())
                .isEqualTo(TableFormat.json());
        assertThat(((CreateTable) DdlParser.parse(
                "CREATE TABLE t (a INT) ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'")).format().kind())
                .isEqualTo(TableFormat.Kind.JSON);
    }

    @Test
    void parsesDropShowAndDescribe() {
        assertThat(DdlParser.parse("DROP TABLE IF EXISTS db.t")).isEqualTo(new DropTable(new TableRef(Optional.of("db"), "t"), true));
        assertThat(DdlParser.parse("drop table t;")).isEqualTo(new DropTable(new TableRef(Optional.empty(), "t"), false));
        assertThat(DdlParser.parse("SHOW TABLES")).isEqualTo(new ShowTables(Optional.empty()));
        assertThat(DdlParser.parse("show tables in web")).isEqualTo(new ShowTables(Optional.of("web")));
        assertThat(DdlParser.parse("DESCRIBE t")).isEqualTo(new Describe(new TableRef(Optional.empty(), "t"), false));
        assertThat(DdlParser.parse("desc formatted t")).isEqualTo(new Describe(new TableRef(Optional.empty(), "t"), true));
    }

    @Test
    void parsesAddPartitionWithSeveralPartitionsAndShowPartitions() {
        AddPartitions add = (AddPartitions) DdlParser.parse(
                "ALTER TABLE logs ADD IF NOT EXISTS PARTITION (dt='2024-01-01', hour=5) LOCATION '/l/1' PARTITION (dt='2024-01-02', hour=6)");
        assertThat(add.table()).isEqualTo(new TableRef(Optional.empty(), "logs"));
        assertThat(add.ifNotExists()).isTrue();
        java.util.Map<String, String> first = new java.util.LinkedHashMap<>();
        first.put("dt", "2024-01-01");
        first.put("hour", "5");
        java.util.Map<String, String> second = new java.util.LinkedHashMap<>();
        second.put("dt", "2024-01-02");
        second.put("hour", "6");
        assertThat(add.partitions()).containsExactly(new PartitionSpec(first, Optional.of("/l/1")),
                new PartitionSpec(second, Optional.empty()));
        assertThat(DdlParser.parse("SHOW PARTITIONS db.logs")).isEqualTo(new ShowPartitions(new TableRef(Optional.of("db"), "logs")));
        assertThat(DdlParser.isDdl("alter table t add partition (a='1')")).isTrue();
    }

    @Test
    void parsesDropPartitionWithSeveralPartitions() {
        DropPartitions drop = (DropPartitions) DdlParser.parse(
                "ALTER TABLE db.logs DROP IF EXISTS PARTITION (dt='2024-01-01', hour=5), PARTITION (dt='2024-01-02', hour=6)");
        assertThat(drop.table()).isEqualTo(new TableRef(Optional.of("db"), "logs"));
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.partitions()).containsExactly(Map.of("dt", "2024-01-01", "hour", "5"), Map.of("dt", "2024-01-02", "hour", "6"));
        assertThat(((DropPartitions) DdlParser.parse("alter table t drop partition (a='1')")).ifExists()).isFalse();
    }

    @Test
    void parsesTheDatabaseStatements() {
        assertThat(DdlParser.parse("CREATE DATABASE IF NOT EXISTS web COMMENT 'the web logs' LOCATION '/w'"))
                .isEqualTo(new CreateDatabase("web", true, "the web logs", Optional.of("/w")));
        assertThat(DdlParser.parse("create schema web;")).isEqualTo(new CreateDatabase("web", false, "", Optional.empty()));
        assertThat(DdlParser.parse("DROP DATABASE web")).isEqualTo(new DropDatabase("web", false, false));
        assertThat(DdlParser.parse("DROP DATABASE IF EXISTS web RESTRICT")).isEqualTo(new DropDatabase("web", true, false));
        assertThat(DdlParser.parse("drop schema web cascade")).isEqualTo(new DropDatabase("web", false, true));
        assertThat(DdlParser.parse("SHOW DATABASES")).isEqualTo(new ShowDatabases(Optional.empty()));
        assertThat(DdlParser.parse("show schemas like 'w*'")).isEqualTo(new ShowDatabases(Optional.of("w*")));
        assertThat(DdlParser.parse("USE web;")).isEqualTo(new UseDatabase("web"));
        assertThat(DdlParser.parse("DESCRIBE DATABASE EXTENDED web")).isEqualTo(new DescribeDatabase("web"));
        assertThat(DdlParser.parse("desc schema web")).isEqualTo(new DescribeDatabase("web"));
        assertThat(DdlParser.isDdl("use web")).isTrue();
    }

    @Test
    void skipsCommentsAndTableProperties() {
        CreateTable create = (CreateTable) DdlParser.parse("""
                -- a comment
                CREATE TABLE /* inline */ t (a INT) COMMENT 'the table'
                TBLPROPERTIES ('skip.header.line.count'='1')""");
        assertThat(create.columns()).containsExactly(new Column("a", ColumnType.INT));
    }

    @Test
    void recognisesDdlByItsFirstKeyword() {
        assertThat(DdlParser.isDdl("  create table t (a int)")).isTrue();
        assertThat(DdlParser.isDdl("-- c\nDESCRIBE t")).isTrue();
        assertThat(DdlParser.isDdl("SELECT 1")).isFalse();
        assertThat(DdlParser.isDdl("'unterminated")).isFalse();
    }

    @Test
    void aSyntaxErrorNamesLineColumnAndToken() {
        assertThatThrownBy(() -> DdlParser.parse("CREATE TABLE t (\n  a INT,\n  b STRING\n  c INT)"))
                .isInstanceOf(DdlParseException.class)
                .hasMessage("Syntax error at line 4, column 3: unexpected 'c', expected ')'")
                .satisfies(e -> {
                    assertThat(((DdlParseException) e).line()).isEqualTo(4);
                    assertThat(((DdlParseException) e).column()).isEqualTo(3);
                });
    }

    @Test
    void reportsEachKindOfError() {
        assertError("SELECT * FROM t", "line 1, column 1: unexpected 'SELECT', expected CREATE, DROP, ALTER, SHOW, DESCRIBE, USE or MSCK");
        assertError("CREATE TABLE t (a VARCHAR)",
                "line 1, column 19: unsupported column type 'VARCHAR' (supported: STRING, INT, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, DATE)");
        assertError("CREATE TABLE t (a INT", "line 1, column 22: unexpected end of input, expected ')'");
        assertError("CREATE TABLE t (a INT) LOCATION /x", "line 1, column 33: unexpected '/', expected a location in quotes");
        assertError("CREATE TABLE t (a INT) ROW FORMAT SERDE 'com.example.Mine'",
                "line 1, column 41: unsupported SerDe 'com.example.Mine'");
        assertError("CREATE TABLE t (a INT) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'",
                "line 1, column 41: RegexSerDe needs WITH SERDEPROPERTIES ('input.regex'='...')");
        assertError("CREATE TABLE t (a INT) ROW FORMAT JSON", "line 1, column 35: unexpected 'JSON', expected DELIMITED or SERDE");
        assertError("CREATE TABLE t (a INT) STORED AS ORC", "line 1, column 34: unsupported file format 'ORC' (supported: TEXTFILE, JSONFILE)");
        assertError("CREATE TABLE t (a INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY ''",
                "line 1, column 66: the field delimiter is empty");
        assertError("CREATE TABLE t (a INT) ROW FORMAT DELIMITED STORED AS JSONFILE",
                "line 1, column 55: STORED AS JSONFILE cannot be combined with ROW FORMAT DELIMITED");
        assertError("CREATE TABLE t (a INT) LOCATION 'x' extra", "line 1, column 37: unexpected 'extra', expected end of statement");
        assertError("DROP TABLE IF t", "line 1, column 15: unexpected 't', expected EXISTS");
        assertError("SHOW VIEWS", "line 1, column 6: unexpected 'VIEWS', expected TABLES, PARTITIONS or DATABASES");
        assertError("ALTER TABLE t ADD PARTITION (dt=x)", "line 1, column 33: unexpected 'x', expected a partition value");
        assertError("ALTER TABLE t RENAME TO u", "line 1, column 15: unexpected 'RENAME', expected ADD or DROP");
        assertError("ALTER TABLE t DROP PARTITION (dt='x') LOCATION '/x'",
                "line 1, column 39: unexpected 'LOCATION', expected end of statement");
        assertError("DROP DATABASE IF db", "line 1, column 18: unexpected 'db', expected EXISTS");
        assertError("DROP DATABASE db PURGE", "line 1, column 18: unexpected 'PURGE', expected end of statement");
        assertError("CREATE DATABASE db LOCATION /x", "line 1, column 29: unexpected '/', expected a location in quotes");
        assertError("USE", "line 1, column 4: unexpected end of input, expected a database name");
        assertError("SHOW DATABASES LIKE web", "line 1, column 21: unexpected 'web', expected a pattern in quotes");
        assertError("DESCRIBE 't'", "line 1, column 10: unexpected string 't', expected a table name");
        assertError("CREATE TABLE t (a INT) LOCATION '/x", "line 1, column 33: unterminated string starting with '");
        assertError("", "line 1, column 1: unexpected end of input, expected CREATE, DROP, ALTER, SHOW, DESCRIBE, USE or MSCK");
    }

    @Test
    void theColumnCountsFromTheStartOfTheLineAfterAMultiLineString() {
        assertThatThrownBy(() -> DdlParser.parse("CREATE TABLE t (a INT) COMMENT 'two\nlines' oops"))
                .hasMessage("Syntax error at line 2, column 8: unexpected 'oops', expected end of statement");
    }

    private static void assertError(String sql, String expected) {
        assertThatThrownBy(() -> DdlParser.parse(sql)).as(sql)
                .isInstanceOf(DdlParseException.class)
                .hasMessageStartingWith("Syntax error at " + expected);
    }

    @Test
    void columnsKeepTheirOrderAndCase() {
        CreateTable create = (CreateTable) DdlParser.parse("CREATE TABLE t (Zeta INT, alpha DOUBLE, Mid BOOLEAN, d DATE)");
        assertThat(create.columns()).isEqualTo(List.of(new Column("Zeta", ColumnType.INT), new Column("alpha", ColumnType.DOUBLE),
                new Column("Mid", ColumnType.BOOLEAN), new Column("d", ColumnType.DATE)));
    }
}
