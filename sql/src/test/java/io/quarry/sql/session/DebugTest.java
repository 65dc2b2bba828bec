package io.quarry.sql.session;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.sql.SqlConfigKeys;

class DebugTest {
    @Test
    void run() throws Exception {
        Path work = java.nio.file.Files.createTempDirectory("dbg");
        PublicQuerySet set = PublicQuerySet.find().orElseThrow();
        Path data = set.data64m(Path.of("target", "sql-queryset-data").toAbsolutePath());
        SqlSession session = new SqlSession(Configuration.of(Map.of(
                DfsConfigKeys.DEFAULT_FS.name(), "file:///",
                MapReduceConfigKeys.FRAMEWORK_NAME.name(), "local",
                MapReduceConfigKeys.LOCAL_DIRS.name(), work.resolve("local").toString(),
                SqlConfigKeys.CATALOG_DIR.name(), "file://" + work.resolve("catalog"),
                SqlConfigKeys.WAREHOUSE_DIR.name(), "file://" + work.resolve("warehouse"),
                SqlConfigKeys.SCRATCH_DIR.name(), "file://" + work.resolve("scratch"))));
        for (String ddl : set.ddl(data)) {
            session.execute(ddl, StageListener.NONE);
        }
        for (String q : System.getProperty("dbg.sql").split(";;")) {
            long t = System.nanoTime();
            StatementResult r = session.execute(q, StageListener.NONE);
            System.out.println("### " + q + "\n" + (r.message() != null ? r.message() : String.join("\n", ResultText.lines(r))));
            System.out.println("### ms " + (System.nanoTime() - t) / 1000000);
        }
    }
}
