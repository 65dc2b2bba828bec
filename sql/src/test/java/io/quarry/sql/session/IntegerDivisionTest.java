package io.quarry.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Hive's {@code a DIV b} in queries. */
@Timeout(60)
class IntegerDivisionTest {
    @TempDir
    Path dir;

    private SqlSession session;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("n"));
        Files.writeString(dir.resolve("n/part-0"), "1\t17\t7.9\t3\n2\t-17\t2.5\t0\n3\t25\t\\N\t4\n4\t\\N\t10.0\t5\n");
        session = new SqlSession(Configuration.of(Map.of(
                DfsConfigKeys.DEFAULT_FS.name(), "file:///",
                MapReduceConfigKeys.FRAMEWORK_NAME.name(), "local",
                MapReduceConfigKeys.LOCAL_DIRS.name(), dir.resolve("local").toString(),
                SqlConfigKeys.CATALOG_DIR.name(), "file://" + dir.resolve("catalog"),
                SqlConfigKeys.WAREHOUSE_DIR.name(), "file://" + dir.resolve("warehouse"),
                SqlConfigKeys.SCRATCH_DIR.name(), "file://" + dir.resolve("scratch"))));
        session.execute("CREATE EXTERNAL TABLE n (id INT, x INT, d DOUBLE, `div` INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' "
                + "LOCATION '" + dir.resolve("n") + "'", StageListener.NONE);
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private List<String> rows(String sql) throws SqlException {
        return ResultText.lines(session.execute(sql, StageListener.NONE));
    }

    @Test
    void divTruncatesTowardsZeroAsBigintAndIsNullForZeroOrNull() throws Exception {
        assertThat(rows("SELECT id, x DIV 10, x DIV `div`, d DIV 2, 7 DIV 0 FROM n ORDER BY id"))
                .containsExactly("1\t1\t5\t3\tNULL", "2\t-1\tNULL\t1\tNULL", "3\t2\t6\tNULL\tNULL", "4\tNULL\tNULL\t5\tNULL");
    }

    @Test
    void divWorksInWhereAndAColumnNamedDivInBackTicksIsAColumn() throws Exception {
        assertThat(rows("SELECT id, `div` FROM n WHERE x DIV 10 = 1 OR `div` div 2 = 2 ORDER BY id"))
                .containsExactly("1\t3", "3\t4", "4\t5");
    }

    @Test
    void divIsABigint() throws Exception {
        session.execute("CREATE TABLE q AS SELECT x DIV 3 AS k FROM n", StageListener.NONE);
        assertThat(session.execute("DESCRIBE q", StageListener.NONE).message() + ResultText.lines(session.execute("DESCRIBE q",
                StageListener.NONE))).containsIgnoringCase("bigint");
    }
}
