package io.quarry.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.sql.SqlConfigKeys;

/** ORDER BY without LIMIT over an input large enough for several reducers: a sampled, range-partitioned total order. */
@Timeout(120)
class TotalOrderSortTest {
    private static final int FILES = 6;
    private static final int ROWS_PER_FILE = 400;

    @TempDir
    Path dir;

    private SqlSession one;
    private SqlSession many;

    @BeforeEach
    void setUp() throws Exception {
        Random random = new Random(Seeds.seed("TotalOrderSortTest"));
        int id = 0;
        for (int f = 0; f < FILES; f++) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < ROWS_PER_FILE; r++) {
                text.append(id++).append('\t')
                        .append(random.nextInt(10) == 0 ? "\\N" : String.valueOf(random.nextInt(41) - 20)).append('\t')
                        .append(random.nextInt(8) == 0 ? "\\N" : randomWord(random)).append('\t')
                        .append(random.nextInt(9) == 0 ? "\\N" : String.valueOf(Math.round((random.nextDouble() - 0.5) * 2000) / 10.0))
                        .append('\n');
            }
            Path file = dir.resolve("t").resolve("part-" + f);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
        one = session(Map.of());
        many = session(Map.of(SqlConfigKeys.BYTES_PER_REDUCER.name(), "4k", SqlConfigKeys.MAX_REDUCERS.name(), "7",
                SqlConfigKeys.ORDER_BY_SAMPLE_KEYS.name(), "300"));
        one.execute("CREATE EXTERNAL TABLE t (id INT, a INT, b STRING, d DOUBLE) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' "
                + "LOCATION '" + dir.resolve("t") + "'", StageListener.NONE);
    }

    @AfterEach
    void tearDown() {
        one.close();
        many.close();
    }

    private static String randomWord(Random random) {
        int length = random.nextInt(4);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(5)));
        }
        return word.toString();
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

    private static List<String> rows(SqlSession session, String sql) throws SqlException {
        return ResultText.lines(session.execute(sql, StageListener.NONE));
    }

    private void assertSameOnOneAndSeveralReducers(String sql, int expectedRows) throws SqlException {
        assertThat(one.execute("EXPLAIN " + sql, StageListener.NONE).message()).contains("(1 reducer)")
                .doesNotContain("total-order");
        assertThat(many.execute("EXPLAIN " + sql, StageListener.NONE).message())
                .containsPattern("total-order sort over [^\\n]*\\([2-7] reducers\\)").contains("(total order)");
        List<String> expected = rows(one, sql);
        assertThat(expected).hasSize(expectedRows);
        List<String> actual = rows(many, sql);
        assertThat(actual).as(ResultText.diff(expected, actual, true)).containsExactlyElementsOf(expected);
    }

    @Test
    void severalKeysAscendingAndDescendingWithNullsComeOutAsFromOneReducer() throws Exception {
        assertSameOnOneAndSeveralReducers("SELECT id, a, b, d FROM t ORDER BY a DESC, b NULLS LAST, d, id", FILES * ROWS_PER_FILE);
        assertSameOnOneAndSeveralReducers("SELECT b, d, id FROM t ORDER BY b DESC NULLS FIRST, d DESC NULLS LAST, id DESC",
                FILES * ROWS_PER_FILE);
    }

    @Test
    void sortKeysComputedInTheMapAreSampledAfterFiltersAndProjections() throws Exception {
        int kept = rows(one, "SELECT id FROM t WHERE d > 0").size();
        assertSameOnOneAndSeveralReducers("SELECT id, a * 3 - d AS x FROM t WHERE d > 0 ORDER BY x, id", kept);
    }

    @Test
    void anInputWhoseRowsAreAllFilteredOutSortsToNothing() throws Exception {
        assertThat(rows(many, "SELECT id FROM t WHERE id < 0 ORDER BY a, id")).isEmpty();
    }

    @Test
    void limitAndOffsetStillSortInOneReducer() throws Exception {
        String plan = many.execute("EXPLAIN SELECT id FROM t ORDER BY a, id LIMIT 5", StageListener.NONE).message();
        assertThat(plan).contains("top-5 sort").containsPattern("top-5 sort over [^\\n]*\\(1 reducer\\)");
        assertThat(rows(many, "SELECT id FROM t ORDER BY a, id LIMIT 5"))
                .containsExactlyElementsOf(rows(one, "SELECT id FROM t ORDER BY a, id LIMIT 5"));
    }
}
