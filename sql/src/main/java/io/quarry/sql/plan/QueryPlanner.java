package io.quarry.sql.plan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import org.apache.calcite.config.NullCollation;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.EditDistance;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.CatalogException;
import io.quarry.sql.functions.HiveFunctions;
import io.quarry.sql.parse.HiveConformance;
import io.quarry.sql.parse.HiveOperators;
import io.quarry.sql.parse.HiveSqlParser;
import io.quarry.sql.parse.HiveTypeSystem;
import io.quarry.sql.session.SqlException;

/**
 * From HiveQL text to an optimised Calcite logical plan: parse (babel, Hive literals), validate
 * against the catalog with Hive's functions and typing (NULLs first in ascending order), convert
 * to relational algebra and apply a few rewrite rules (filters pushed down and merged, projections
 * merged, DISTINCT aggregates split into two levels). Errors carry the line and column and name
 * the unknown table or column with a close match.
 */
public final class QueryPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(QueryPlanner.class);
    private static final Pattern UNKNOWN_OBJECT = Pattern.compile("Object '([^']+)' not found");
    private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Column '([^']+)' not found");

    /** Metadata through reflection proxies: Calcite's default generates and compiles code, seconds at the first query. */
    private static final ProxyingMetadataHandlerProvider METADATA_HANDLERS =
            new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

    /** Exercises the parser, the validator, Hive's functions, the conversion and the rules a typical query uses. */
    private static final String WARM_UP_QUERY = "SELECT t.a, count(DISTINCT t.b), sum(t.b), max(lower(concat(t.s, 'x'))) "
            + "FROM (VALUES (1, 2, 'p'), (3, 4, 'q')) AS t(a, b, s) JOIN (VALUES (1)) AS u(c) ON t.a = u.c "
            + "WHERE t.b > 1 AND regexp_extract(t.s, '(p)', 1) <> '' GROUP BY t.a ORDER BY t.a DESC LIMIT 5";
    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();

    private final Catalog catalog;
    private final String database;

    public QueryPlanner(Catalog catalog, String database) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.database = requireNonNull(database, "database is null");
    }

    /** A planner that knows no table, for queries over constants only (the warm-up). */
    private QueryPlanner() {
        this.catalog = null;
        this.database = "default";
    }

    /** The planned query: its optimised plan and its output column names. */
    public record PlannedQuery(RelNode plan, List<String> columnNames) {
    }

    public PlannedQuery plan(String sql) throws SqlException {
        SqlNode parsed = HiveSqlParser.parse(sql);
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(HiveTypeSystem.INSTANCE);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        try {
            for (String db : catalog == null ? List.<String>of() : catalog.databases()) {
                root.add(db, new CatalogSchema(catalog, db));
            }
        } catch (IOException e) {
            throw new SqlException("Cannot list the catalog's databases: " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(database), typeFactory,
                new CalciteConnectionConfigImpl(properties));
        SqlValidator validator = SqlValidatorUtil.newValidator(
                SqlOperatorTables.chain(SqlOperatorTables.of(HiveOperators.DIVIDE, HiveOperators.INT_DIVIDE), QuarryAggregates.table(), HiveFunctions.operatorTable(),
                        SqlStdOperatorTable.instance()), reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(HiveConformance.INSTANCE)
                        .withDefaultNullCollation(NullCollation.LOW)
                        .withIdentifierExpansion(true));
        try {
            long t0 = System.nanoTime();
            SqlNode validated = validator.validate(parsed);
            long t1 = System.nanoTime();
            VolcanoPlanner volcano = new VolcanoPlanner();
            volcano.addRelTraitDef(ConventionTraitDef.INSTANCE);
            RelOptCluster cluster = RelOptCluster.create(volcano, new RexBuilder(typeFactory));
            cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA_HANDLERS));
            SqlToRelConverter converter = new SqlToRelConverter((type, query, schema, path) -> {
                throw new UnsupportedOperationException("Views are not supported");
            }, validator, reader, cluster, StandardConvertletTable.INSTANCE,
                    SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(true));
            RelRoot relRoot = converter.convertQuery(validated, false, true);
            long t2 = System.nanoTime();
            RelNode rel = converter.flattenTypes(relRoot.rel, true);
            rel = RelDecorrelator.decorrelateQuery(rel, RelFactories.LOGICAL_BUILDER.create(cluster, reader));
            rel = converter.trimUnusedFields(true, rel);
            relRoot = relRoot.withRel(rel);
            List<String> names = new ArrayList<>();
            relRoot.fields.forEach(f -> names.add(f.getValue()));
            long t3 = System.nanoTime();
            RelNode optimized = optimize(relRoot.project().accept(new AnyValueRemover()));
            LOG.debug("Validated in {} ms, converted in {} ms, trimmed in {} ms, optimised in {} ms", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
            return new PlannedQuery(optimized, names);
        } catch (CalciteContextException e) {
            throw contextError(e, sql);
        } catch (RuntimeException e) {
            CalciteContextException context = find(e, CalciteContextException.class);
            if (context != null) {
                throw contextError(context, sql);
            }
            throw new SqlException("Cannot plan the query: " + e, e);
        }
    }

    /** Plans a throwaway query over constants: loads and compiles what the first real query needs. */
    public static void warmUp() throws SqlException {
        new QueryPlanner().plan(WARM_UP_QUERY);
    }

    /**
     * Starts, once per JVM, a background thread that runs {@link #warmUp}, so a shell's first query
     * does not pay alone for loading and compiling Calcite (seconds in a fresh JVM): the warm-up
     * overlaps the JVM's start, the catalog's opening and the user's typing.
     */
    public static void warmUpInBackground() {
        if (!WARM_UP_STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                warmUp();
            } catch (SqlException | RuntimeException e) {
                LOG.debug("Planner warm-up failed; the first query warms it instead: {}", e.toString());
            }
        }, "sql-planner-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static RelNode optimize(RelNode plan) {
        HepProgram program = new HepProgramBuilder()
                .addMatchOrder(HepMatchOrder.BOTTOM_UP)
                .addRuleCollection(List.of(
                        CoreRules.FILTER_INTO_JOIN,
                        CoreRules.JOIN_CONDITION_PUSH,
                        CoreRules.FILTER_PROJECT_TRANSPOSE,
                        CoreRules.FILTER_SET_OP_TRANSPOSE,
                        CoreRules.FILTER_AGGREGATE_TRANSPOSE,
                        CoreRules.FILTER_MERGE,
                        CoreRules.PROJECT_MERGE,
                        CoreRules.PROJECT_REMOVE,
                        CoreRules.UNION_TO_DISTINCT,
                        CoreRules.AGGREGATE_PROJECT_MERGE))
                .addRuleInstance(CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN)
                .addRuleCollection(List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, CoreRules.FILTER_MERGE))
                .build();
        HepPlanner hep = new HepPlanner(program);
        hep.setRoot(plan);
        return hep.findBestExp();
    }

    private SqlException contextError(CalciteContextException e, String sql) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        String hint = hint(message);
        String text = "Error at line " + e.getPosLine() + ", column " + e.getPosColumn() + ": " + message + hint;
        if (text.contains("does not exist") || message.contains("location")) {
            return new SqlException(text, e.getPosLine(), e.getPosColumn(), e);
        }
        return new SqlException(text, e.getPosLine(), e.getPosColumn(), e);
    }

    /** " (did you mean x?)" for an unknown table or column with a close name, else "". */
    private String hint(String message) {
        Matcher table = UNKNOWN_OBJECT.matcher(message);
        if (table.find()) {
            String name = table.group(1);
            try {
                catalog.table(database, name.toLowerCase(Locale.ROOT));
            } catch (CatalogException e) {
                int mean = e.getMessage().indexOf("(did you mean");
                return mean >= 0 ? " " + e.getMessage().substring(mean) : "";
            } catch (IOException | RuntimeException e) {
                return "";
            }
            return "";
        }
        Matcher column = UNKNOWN_COLUMN.matcher(message);
        if (column.find()) {
            return closestColumn(column.group(1)).map(c -> " (did you mean " + c + "?)").orElse("");
        }
        return "";
    }

    private Optional<String> closestColumn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, Math.min(3, lower.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        try {
            for (String table : catalog.tables(database)) {
                for (var column : catalog.table(database, table).allColumns()) {
                    int distance = EditDistance.between(lower, column.name().toLowerCase(Locale.ROOT));
                    if (distance <= allowed && distance < bestDistance) {
                        best = column.name();
                        bestDistance = distance;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(best);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
