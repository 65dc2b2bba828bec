package io.quarry.sql.session;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.compile.Explain;
import io.quarry.sql.compile.QueryPlan;
import io.quarry.sql.compile.StageCompiler;
import io.quarry.sql.plan.QueryPlanner;
import io.quarry.sql.runtime.StageRunner;
import io.quarry.sql.runtime.plan.StagePlan;

/** One query: plan, compile into stages, run them (or explain them), read the result, clean up. */
final class QueryExecution {
    private static final Logger LOG = LoggerFactory.getLogger(QueryExecution.class);

    private final Configuration conf;
    private final Catalog catalog;
    private final String database;

    QueryExecution(Configuration conf, Catalog catalog, String database) {
        this.conf = requireNonNull(conf, "conf is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.database = requireNonNull(database, "database is null");
    }

    StatementResult run(String sql, boolean explain, StageListener listener) throws SqlException {
        return run(sql, explain, null, listener);
    }

    /** Runs {@code sql}; with a {@code write}, its result goes to a table or directory instead of the client. */
    StatementResult run(String sql, boolean explain, WriteStatement write, StageListener listener) throws SqlException {
        QueryPlanner.PlannedQuery planned = new QueryPlanner(catalog, database).plan(sql);
        Path scratch = new Path(conf.getString(SqlConfigKeys.SCRATCH_DIR)).child("query-" + UUID.randomUUID());
        QueryPlan plan = new StageCompiler(conf, catalog, scratch).compile(planned.plan(), planned.columnNames());
        if (explain) {
            return StatementResult.message(Explain.text(plan));
        }
        try {
            StageRunner runner = new StageRunner(conf);
            List<StagePlan> stages = new ArrayList<>(plan.stages());
            ResultWriter writer = null;
            char delimiter = 0;
            Path output = scratch.child("result");
            if (write != null) {
                writer = new ResultWriter(conf, catalog, database);
                delimiter = writer.prepare(write);
                stages.set(stages.size() - 1, plan.last().asText(delimiter, output.toString()));
            }
            runner.run(stages, plan.descriptions(),
                    (stage, count, description, map, reduce) -> listener.onProgress(
                            new StageProgress(stage, count, description, map, reduce)));
            if (writer != null) {
                return StatementResult.message(writer.commit(write, output, planned.columnNames(), plan.columnKinds(), delimiter));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Object[] row : runner.readOutput(plan.last())) {
                rows.add(Arrays.asList(row));
            }
            return new StatementResult(planned.columnNames(), rows, null);
        } catch (StageRunner.StageFailedException e) {
            throw new SqlException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SqlException("Query failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException("Query interrupted", e);
        } finally {
            delete(scratch);
        }
    }

    private void delete(Path scratch) {
        try (FileSystem fs = FileSystem.get(scratch, conf)) {
            fs.delete(scratch, true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete the query's scratch directory {}: {}", scratch, e.toString());
        }
    }
}
