package io.quarry.sql.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

/** Queries over small tables, run as MapReduce stages on the in-process runner. */
@Timeout(120)
class SqlSessionTest {
    @TempDir
    Path dir;

    private SqlSession session;

    @BeforeEach
    void setUp() throws Exception {
        write("people/part-0", "1\tann\tparis\t31\n2\tbob\tlyon\t25\n3\tcid\t\\N\t40\n4\tdan\trome\t\\N\n");
        write("people/part-1", "5\teve\tparis\t22\n6\tfay\toslo\t35\n");
        write("cities/cities.tsv", "paris\tFR\nlyon\tFR\nrome\tIT\n");
        write("events/dt=2025-01-01/e.tsv", "1\tbuy\t10.5\n2\tview\t0\n1\tbuy\t4.5\n");
        write("events/dt=2025-01-02/e.tsv", "3\tbuy\t7\n9\tview\t1\n");
        session = session(Map.of());
        run("CREATE EXTERNAL TABLE people (id INT, name STRING, city STRING, age INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '"
                + dir.resolve("people") + "'");
        run("CREATE EXTERNAL TABLE cities (city STRING, country STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '"
                + dir.resolve("cities") + "'");
        run("CREATE EXTERNAL TABLE events (user_id INT, kind STRING, amount DOUBLE) PARTITIONED BY (dt STRING) "
                + "ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '" + dir.resolve("events") + "'");
        run("ALTER TABLE events ADD PARTITION (dt='2025-01-01') PARTITION (dt='2025-01-02')");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private SqlSession session(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                DfsConfigKeys.DEFAULT_FS.name(), "file:///",
                MapReduceConfigKeys.FRAMEWORK_NAME.name(), "local",
                MapReduceConfigKeys.LOCAL_DIRS.name(), dir.resolve("local").toString(),
                SqlConfigKeys.CATALOG_DIR.name(), "file://" + dir.resolve("catalog"),
                SqlConfigKeys.WAREHOUSE_DIR.name(), "file://" + dir.resolve("warehouse"),
                SqlConfigKeys.SCRATCH_DIR.name(), "file://" + dir.resolve("scratch")));
        settings.putAll(extra);
        return new SqlSession(Configuration.of(settings));
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private StatementResult run(String sql) throws SqlException {
        return session.execute(sql, StageListener.NONE);
    }

    private List<String> rows(String sql) throws SqlException {
        return ResultText.lines(run(sql));
    }

    @Test
    void joinsWithASmallTableBroadcastAndOtherwiseShuffleWithTheSameAnswer() throws Exception {
        String sql = "SELECT p.name, c.country FROM people p JOIN cities c ON p.city = c.city ORDER BY p.name";
        assertThat(run("EXPLAIN " + sql).message()).contains("broadcast INNER join");
        assertThat(rows(sql)).containsExactly("ann\tFR", "bob\tFR", "dan\tIT", "eve\tFR");
        try (SqlSession noBroadcast = session(Map.of(SqlConfigKeys.BROADCAST_JOIN_SIZE.name(), "0"))) {
            assertThat(noBroadcast.execute("EXPLAIN " + sql, StageListener.NONE).message()).contains("shuffle INNER join");
            assertThat(ResultText.lines(noBroadcast.execute(sql, StageListener.NONE)))
                    .containsExactly("ann\tFR", "bob\tFR", "dan\tIT", "eve\tFR");
        }
    }

    @Test
    void leftOuterJoinKeepsUnmatchedRowsWithNulls() throws Exception {
        String sql = "SELECT p.name, c.country FROM people p LEFT JOIN cities c ON p.city = c.city ORDER BY p.name";
        List<String> expected = List.of("ann\tFR", "bob\tFR", "cid\tNULL", "dan\tIT", "eve\tFR", "fay\tNULL");
        assertThat(rows(sql)).containsExactlyElementsOf(expected);
        try (SqlSession noBroadcast = session(Map.of(SqlConfigKeys.BROADCAST_JOIN_SIZE.name(), "0"))) {
            assertThat(ResultText.lines(noBroadcast.execute(sql, StageListener.NONE))).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void unionAllSubqueriesAndDistinct() throws Exception {
        assertThat(rows("SELECT city, count(*) AS n FROM (SELECT city FROM people UNION ALL SELECT city FROM cities) t "
                + "WHERE city IS NOT NULL GROUP BY city ORDER BY n DESC, city"))
                .containsExactly("paris\t3", "lyon\t2", "rome\t2", "oslo\t1");
        assertThat(rows("SELECT DISTINCT country FROM cities ORDER BY country")).containsExactly("FR", "IT");
    }

    @Test
    void orderByPutsNullsFirstAscendingLastDescendingUnlessToldAndHonoursLimitAndOffset() throws Exception {
        assertThat(rows("SELECT name, age FROM people ORDER BY age")).first().isEqualTo("dan\tNULL");
        assertThat(rows("SELECT name, age FROM people ORDER BY age DESC")).last().isEqualTo("dan\tNULL");
        assertThat(rows("SELECT name, age FROM people ORDER BY age NULLS LAST LIMIT 2")).containsExactly("eve\t22", "bob\t25");
        assertThat(rows("SELECT name FROM people ORDER BY name LIMIT 2 OFFSET 1")).containsExactly("bob", "cid");
    }

    @Test
    void aggregatesFollowHiveTypesAndNullRules() throws Exception {
        assertThat(rows("SELECT count(*), count(age), sum(age), avg(age), min(name), max(age), sum(age) / count(age) FROM people"))
                .containsExactly("6\t5\t153\t30.6\tann\t40\t30.6");
        assertThat(rows("SELECT count(*), sum(age), max(name) FROM people WHERE id > 100")).containsExactly("0\tNULL\tNULL");
        assertThat(rows("SELECT count(DISTINCT city), count(DISTINCT age), count(*) FROM people")).containsExactly("4\t5\t6");
        assertThat(rows("SELECT percentile(age, 0.5), percentile(age, 0.1), percentile(age, 1) FROM people"))
                .containsExactly("31.0\t23.2\t40.0");
        assertThat(rows("SELECT city, percentile(age, 0.5) FROM people WHERE city = 'paris' GROUP BY city"))
                .containsExactly("paris\t26.5");
        assertThat(rows("SELECT CASE WHEN age > 30 THEN 'old' ELSE 'young' END AS a, count(*) FROM people GROUP BY "
                + "CASE WHEN age > 30 THEN 'old' ELSE 'young' END ORDER BY a")).containsExactly("old\t3", "young\t3");
    }

    @Test
    void partitionFiltersReadOnlyMatchingPartitions() throws Exception {
        String sql = "SELECT kind, sum(amount) FROM events WHERE dt = '2025-01-01' GROUP BY kind ORDER BY kind";
        assertThat(run("EXPLAIN " + sql).message()).contains("(1 of 2 partitions)");
        assertThat(rows(sql)).containsExactly("buy\t15.0", "view\t0.0");
        assertThat(rows("SELECT dt, count(*) FROM events GROUP BY dt ORDER BY dt")).containsExactly("2025-01-01\t3", "2025-01-02\t2");
    }

    @Test
    void explainListsTheStages() throws Exception {
        String plan = run("EXPLAIN SELECT city, count(*) AS n FROM people GROUP BY city ORDER BY n DESC LIMIT 2").message();
        assertThat(plan).contains("Stage 1 of 2: aggregate over scan default.people")
                .contains("Stage 2 of 2: top-2 sort over output of stage 1")
                .contains("partial in the map").contains("top-N in the map");
    }

    @Test
    void scansDecodeOnlyTheColumnsAQueryReads() throws Exception {
        assertThat(run("EXPLAIN SELECT city, count(*) AS n FROM people GROUP BY city").message())
                .contains("scan default.people (decodes city)");
        assertThat(run("EXPLAIN SELECT count(*) FROM people").message()).contains("scan default.people (decodes no column)");
        assertThat(run("EXPLAIN SELECT * FROM people WHERE city = 'Oslo'").message()).contains("scan default.people")
                .doesNotContain("decodes");
        assertThat(run("EXPLAIN SELECT name FROM people WHERE age > 30 ORDER BY city").message())
                .contains("scan default.people (decodes name, city, age)");
        assertThat(rows("SELECT count(*) FROM people")).containsExactly("6");
        assertThat(rows("SELECT name FROM people WHERE age > 30 ORDER BY city")).containsExactly("cid", "fay", "ann");
    }

    @Test
    void unknownTablesAndColumnsAreNamedWithACloseMatch() {
        assertThatThrownBy(() -> run("SELECT name FROM peple")).isInstanceOf(SqlException.class)
                .hasMessageContaining("peple").hasMessageContaining("did you mean default.people?")
                .satisfies(e -> assertThat(((SqlException) e).line()).isEqualTo(1));
        assertThatThrownBy(() -> run("SELECT nmae FROM people")).isInstanceOf(SqlException.class)
                .hasMessageContaining("nmae").hasMessageContaining("did you mean name?");
        assertThatThrownBy(() -> run("SELECT name FROM people WHERE")).isInstanceOf(SqlException.class)
                .hasMessageContaining("Syntax error at line 1");
    }

    @Test
    void aTableWhoseLocationIsMissingSaysSo() throws Exception {
        run("CREATE EXTERNAL TABLE gone (a STRING) LOCATION '" + dir.resolve("nowhere") + "'");
        assertThatThrownBy(() -> run("SELECT count(*) FROM gone")).isInstanceOf(SqlException.class)
                .hasMessageContaining("default.gone").hasMessageContaining("does not exist");
    }

    @Test
    void aRunTimeFailureNamesTheStageTheInputAndTheCause() {
        assertThatThrownBy(() -> run("SELECT regexp_extract(name, '(', 1) FROM people")).isInstanceOf(SqlException.class)
                .hasMessageContaining("Stage 1 of 1").hasMessageContaining("people/part-")
                .hasMessageContaining("byte offset").hasMessageContaining("invalid regular expression");
    }

    @Test
    void createTableAsSelectAndInsertOverwriteWriteFilesThatQueriesRead() throws Exception {
        assertThat(run("CREATE TABLE adults AS SELECT name, age, age / 10 AS decade FROM people WHERE age >= 30").message())
                .contains("default.adults");
        assertThat(rows("SELECT name, age, decade FROM adults ORDER BY name")).containsExactly("ann\t31\t3.1", "cid\t40\t4.0",
                "fay\t35\t3.5");
        run("INSERT OVERWRITE TABLE adults SELECT name, age, NULL FROM people WHERE age < 30");
        assertThat(rows("SELECT name, decade FROM adults ORDER BY name")).containsExactly("bob\tNULL", "eve\tNULL");
        run("INSERT OVERWRITE DIRECTORY '" + dir.resolve("export") + "' ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' "
                + "SELECT id, city FROM people WHERE id <= 3");
        List<String> lines = new java.util.ArrayList<>();
        try (var files = Files.list(dir.resolve("export"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        assertThat(lines).containsExactlyInAnyOrder("1,paris", "2,lyon", "3,\\N");
        assertThatThrownBy(() -> run("CREATE TABLE adults AS SELECT 1")).isInstanceOf(SqlException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void constantsLimitsAndSubqueriesInWhere() throws Exception {
        assertThat(rows("SELECT 1 + 2, 'a' || 'b', 7 / 2, floor(7 / 2), trim('  x '), upper('q') RLIKE '^Q$'"))
                .containsExactly("3\tab\t3.5\t3\tx\ttrue");
        assertThat(rows("SELECT name FROM people LIMIT 2")).hasSize(2);
        assertThat(rows("SELECT name FROM people WHERE city IN (SELECT city FROM cities WHERE country = 'FR') ORDER BY name"))
                .containsExactly("ann", "bob", "eve");
        assertThat(rows("SELECT name FROM people WHERE age > (SELECT avg(age) FROM people) ORDER BY name"))
                .containsExactly("ann", "cid", "fay");
        assertThat(rows("SELECT name FROM people WHERE age BETWEEN 25 AND 31 AND name NOT LIKE 'a%' AND id IN (1, 2, 5)"))
                .containsExactly("bob");
    }

    @Test
    void aggregatesAndJoinsSpreadOverSeveralReducersGiveTheSameAnswers() throws Exception {
        try (SqlSession many = session(Map.of(SqlConfigKeys.BYTES_PER_REDUCER.name(), "20",
                SqlConfigKeys.BROADCAST_JOIN_SIZE.name(), "0"))) {
            assertThat(many.execute("EXPLAIN SELECT city, count(*) FROM people GROUP BY city", StageListener.NONE).message())
                    .containsPattern("\\([2-9][0-9]* reducers\\)");
            assertThat(ResultText.lines(many.execute("SELECT city, count(*), sum(age) FROM people GROUP BY city ORDER BY city",
                    StageListener.NONE))).containsExactly("NULL\t1\t40", "lyon\t1\t25", "oslo\t1\t35", "paris\t2\t53",
                    "rome\t1\tNULL");
            assertThat(ResultText.lines(many.execute("SELECT c.country, count(*) FROM people p JOIN cities c ON p.city = c.city "
                    + "GROUP BY c.country ORDER BY c.country", StageListener.NONE))).containsExactly("FR\t3", "IT\t1");
        }
    }

    @Test
    void starCountOfAConstantOrderByAnExpressionAndJoinedSubqueries() throws Exception {
        assertThat(rows("SELECT * FROM cities ORDER BY city DESC")).containsExactly("rome\tIT", "paris\tFR", "lyon\tFR");
        assertThat(rows("SELECT count(1) FROM people")).containsExactly("6");
        assertThat(rows("SELECT name FROM people WHERE age IS NOT NULL ORDER BY age % 10, name LIMIT 3"))
                .containsExactly("cid", "ann", "eve");
        assertThat(rows("SELECT t.country, t.n, e.total FROM (SELECT c.country, count(*) AS n FROM people p JOIN cities c "
                + "ON p.city = c.city GROUP BY c.country) t LEFT JOIN (SELECT 'FR' AS country, sum(amount) AS total FROM events) e "
                + "ON t.country = e.country ORDER BY t.country")).containsExactly("FR\t3\t23.0", "IT\t1\tNULL");
    }

    @Test
    void ddlStillGoesToTheCatalog() throws Exception {
        assertThat(run("SHOW TABLES").rows()).extracting(r -> r.get(0)).contains("people", "cities", "events");
    }
}
