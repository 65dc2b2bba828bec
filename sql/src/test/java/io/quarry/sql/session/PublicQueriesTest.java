package io.quarry.sql.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.sql.SqlConfigKeys;

/**
 * The shared public query set over the 64 MiB generated logs, run as MapReduce stages on the
 * in-process runner and compared with the expected answers (row by row for ORDER BY queries,
 * numbers with a 1e-9 relative tolerance). Skipped when the shared directory is absent.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicQueriesTest {
    @TempDir
    static Path work;

    private PublicQuerySet set;
    private SqlSession session;

    @BeforeAll
    void setUp() throws Exception {
        Optional<PublicQuerySet> found = PublicQuerySet.find();
        assumeTrue(found.isPresent(), "Shared SQL query set not found at " + PublicQuerySet.whereLooked()
                + " (set -Dquarry.sql.queryset.dir=DIR): public query test skipped");
        set = found.get();
        Path data = set.data64m(Path.of("target", "sql-queryset-data").toAbsolutePath());
        session = new SqlSession(Configuration.of(Map.of(
                DfsConfigKeys.DEFAULT_FS.name(), "file:///",
                MapReduceConfigKeys.FRAMEWORK_NAME.name(), "local",
                MapReduceConfigKeys.LOCAL_DIRS.name(), work.resolve("local").toString(),
                SqlConfigKeys.CATALOG_DIR.name(), "file://" + work.resolve("catalog"),
                SqlConfigKeys.WAREHOUSE_DIR.name(), "file://" + work.resolve("warehouse"),
                SqlConfigKeys.SCRATCH_DIR.name(), "file://" + work.resolve("scratch"))));
        for (String ddl : set.ddl(data)) {
            session.execute(ddl, StageListener.NONE);
        }
    }

    @AfterAll
    void tearDown() {
        if (session != null) {
            session.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPublicQueryMatchesTheExpectedAnswer() throws Exception {
        assumeTrue(set != null);
        List<DynamicTest> tests = new ArrayList<>();
        for (PublicQuerySet.Query query : set.queries()) {
            tests.add(DynamicTest.dynamicTest(query.name(), () -> {
                long start = System.nanoTime();
                StatementResult result = session.execute(query.sql(), StageListener.NONE);
                System.out.printf("%s: %d rows in %d ms%n", query.name(), result.rows().size(), (System.nanoTime() - start) / 1_000_000);
                List<String> expected = Files.readAllLines(set.expected("64m").resolve(query.name() + ".tsv"), StandardCharsets.UTF_8);
                assertThat(ResultText.diff(expected, ResultText.lines(result), query.ordered())).as(query.name()).isNull();
            }));
        }
        return tests.stream();
    }
}
