package io.quarry.sql.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.sql.SqlConfigKeys;

/** USE: unqualified table names in DDL and queries resolve in the session's current database. */
@Timeout(120)
class SqlSessionDatabaseTest {
    @TempDir
    Path dir;

    private SqlSession session;

    @BeforeEach
    void setUp() throws Exception {
        write("web-people/part-0", "1\tann\n2\tbob\n");
        write("default-people/part-0", "9\tzed\n");
        session = new SqlSession(Configuration.of(Map.of(
                DfsConfigKeys.DEFAULT_FS.name(), "file:///",
                MapReduceConfigKeys.FRAMEWORK_NAME.name(), "local",
                MapReduceConfigKeys.LOCAL_DIRS.name(), dir.resolve("local").toString(),
                SqlConfigKeys.CATALOG_DIR.name(), "file://" + dir.resolve("catalog"),
                SqlConfigKeys.WAREHOUSE_DIR.name(), "file://" + dir.resolve("warehouse"),
                SqlConfigKeys.SCRATCH_DIR.name(), "file://" + dir.resolve("scratch"))));
        run("CREATE EXTERNAL TABLE people (id INT, name STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '"
                + dir.resolve("default-people") + "'");
        run("CREATE DATABASE web COMMENT 'web data'");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private StatementResult run(String sql) throws SqlException {
        return session.execute(sql, StageListener.NONE);
    }

    private List<String> rows(String sql) throws SqlException {
        return ResultText.lines(run(sql));
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void afterUseUnqualifiedNamesInDdlAndQueriesResolveInTheCurrentDatabase() throws Exception {
        assertThat(session.currentDatabase()).isEqualTo("default");
        assertThat(run("USE Web;").message()).isEqualTo("Using database web");
        assertThat(session.currentDatabase()).isEqualTo("web");
        run("CREATE EXTERNAL TABLE people (id INT, name STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '"
                + dir.resolve("web-people") + "'");
        assertThat(rows("SHOW TABLES")).containsExactly("people");
        assertThat(rows("SELECT name FROM people ORDER BY name")).containsExactly("ann", "bob");
        assertThat(rows("SELECT name FROM `default`.people")).containsExactly("zed");
        assertThat(rows("SELECT p.name, d.name FROM people p JOIN `default`.people d ON p.id < d.id WHERE p.id = 1"))
                .containsExactly("ann\tzed");
        assertThatThrownBy(() -> run("SELECT * FROM peple")).isInstanceOf(SqlException.class)
                .hasMessageContaining("did you mean web.people?");

        run("USE default");
        assertThat(rows("SELECT name FROM people")).containsExactly("zed");
        assertThat(rows("SELECT name FROM web.people ORDER BY name")).containsExactly("ann", "bob");
    }

    @Test
    void createTableAsSelectAfterUseWritesIntoTheCurrentDatabasesWarehouseDirectory() throws Exception {
        run("USE web");
        run("CREATE TABLE copy AS SELECT name FROM `default`.people");
        assertThat(rows("DESCRIBE FORMATTED copy")).anyMatch(line -> line.contains(dir.resolve("warehouse").resolve("web.db")
                .resolve("copy").toString()));
        assertThat(rows("SELECT name FROM copy")).containsExactly("zed");
    }

    @Test
    void useOfAMissingDatabaseFailsAndKeepsTheCurrentOne() throws Exception {
        run("USE web");
        assertThatThrownBy(() -> run("USE webb")).isInstanceOf(SqlException.class)
                .hasMessageContaining("Database not found: webb (did you mean web?)");
        assertThat(session.currentDatabase()).isEqualTo("web");
    }

    @Test
    void databasesAreListedDescribedAndDroppingTheCurrentOneReturnsToDefault() throws Exception {
        assertThat(rows("SHOW DATABASES")).containsExactly("default", "web");
        assertThat(rows("DESCRIBE DATABASE web")).singleElement().asString().startsWith("web\tweb data\t");
        run("USE web");
        run("CREATE TABLE t (a INT)");
        assertThatThrownBy(() -> run("DROP DATABASE web")).isInstanceOf(SqlException.class)
                .hasMessageContaining("Database web is not empty: it has tables t");
        assertThat(session.currentDatabase()).isEqualTo("web");
        run("DROP DATABASE web CASCADE");
        assertThat(session.currentDatabase()).isEqualTo("default");
        assertThat(rows("SHOW DATABASES")).containsExactly("default");
        assertThat(rows("SELECT name FROM people")).containsExactly("zed");
    }
}
