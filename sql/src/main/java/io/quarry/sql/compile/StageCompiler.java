package io.quarry.sql.compile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.plan.CatalogTable;
import io.quarry.sql.plan.QuarryAggregates;
import io.quarry.sql.runtime.KeyCodec;
import io.quarry.sql.runtime.Kind;
import io.quarry.sql.runtime.expr.Expr;
import io.quarry.sql.runtime.plan.AggCall;
import io.quarry.sql.runtime.plan.MapInput;
import io.quarry.sql.runtime.plan.RowOp;
import io.quarry.sql.runtime.plan.RowOp.JoinKind;
import io.quarry.sql.runtime.plan.Shuffle;
import io.quarry.sql.runtime.plan.Source;
import io.quarry.sql.runtime.plan.StagePlan;
import io.quarry.sql.session.SqlException;

/**
 * Compiles an optimised Calcite plan into MapReduce stages. Scans, filters and projections stay
 * in one pipeline ({@link Flow}) until an operator needs a shuffle: an aggregate, a sort or a join
 * of two large inputs ends the pipeline in a new stage whose output starts the next pipeline.
 * Steps after a shuffle run in that stage's reduce. A join with a small table (by file size)
 * becomes a broadcast join step in the other side's pipeline.
 */
public final class StageCompiler {
    private final Configuration conf;
    private final Path scratch;
    private final TableSources tables;
    private final List<StageBuilder> stages = new ArrayList<>();
    private ScanColumns scanColumns;

    public StageCompiler(Configuration conf, Catalog catalog, Path scratch) {
        this.conf = requireNonNull(conf, "conf is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.tables = new TableSources(conf, catalog);
    }

    public QueryPlan compile(RelNode root, List<String> columnNames) throws SqlException {
        scanColumns = ScanColumns.of(root);
        Flow flow = compile(root);
        StageBuilder last = flow.producer();
        if (last == null) {
            last = newStage(flow, null, 0, "map-only over " + describe(flow));
        }
        List<StagePlan> plans = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (StageBuilder stage : stages) {
            plans.add(stage.build());
            descriptions.add(stage.description);
        }
        return new QueryPlan(plans, columnNames, last.kinds, descriptions);
    }

    private Flow compile(RelNode rel) throws SqlException {
        if (rel instanceof TableScan scan) {
            CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
            if (table == null) {
                throw new SqlException("Table " + scan.getTable().getQualifiedName() + " is not a catalog table");
            }
            return Flow.of(tables.scan(table.definition(), null, readColumns(scan, table.definition())),
                    Kinds.of(scan.getRowType().getFieldList()), names(rel));
        }
        if (rel instanceof Filter filter) {
            if (filter.getInput() instanceof TableScan scan && scan.getTable().unwrap(CatalogTable.class) != null
                    && scan.getTable().unwrap(CatalogTable.class).definition().isPartitioned()) {
                TableDefinition definition = scan.getTable().unwrap(CatalogTable.class).definition();
                Flow pruned = Flow.of(tables.scan(definition, partitionFilter(scan, filter.getCondition()), readColumns(scan, definition)),
                        Kinds.of(scan.getRowType().getFieldList()), names(scan));
                return pruned.append(new RowOp.Filter(translator(scan).translate(filter.getCondition())),
                        Kinds.of(filter.getRowType().getFieldList()), names(filter));
            }
            Flow input = compile(filter.getInput());
            return input.append(new RowOp.Filter(translator(filter.getInput()).translate(filter.getCondition())),
                    Kinds.of(filter.getRowType().getFieldList()), names(filter));
        }
        if (rel instanceof Project project) {
            Flow input = compile(project.getInput());
            if (RexUtil.isIdentity(project.getProjects(), project.getInput().getRowType())) {
                return input.rename(names(project));
            }
            Expr[] expressions = translator(project.getInput()).translate(project.getProjects());
            return input.append(new RowOp.Project(expressions), Kinds.of(project.getRowType().getFieldList()), names(project));
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (rel instanceof Sort sort) {
            return sort(sort);
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof Union union) {
            if (!union.all) {
                throw new SqlException("UNION without ALL should have become an aggregate");
            }
            List<Flow> inputs = new ArrayList<>();
            for (RelNode input : union.getInputs()) {
                inputs.add(compile(input));
            }
            return Flow.union(inputs, Kinds.of(union.getRowType().getFieldList()), names(union));
        }
        if (rel instanceof Values values) {
            List<Object[]> rows = new ArrayList<>();
            RexTranslator translator = translator(values);
            for (List<RexLiteral> tuple : values.getTuples()) {
                Object[] row = new Object[tuple.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = translator.translate(tuple.get(i)).eval(new Object[0]);
                }
                rows.add(row);
            }
            return Flow.of(new Source.Rows(rows), Kinds.of(values.getRowType().getFieldList()), names(values));
        }
        throw new SqlException("Queries with " + rel.getRelTypeName() + " are not supported");
    }

    /** The data columns of {@code table} (not its partition columns) the plan reads from {@code scan}. */
    private List<String> readColumns(TableScan scan, TableDefinition table) {
        ImmutableBitSet read = scanColumns.readBy(scan);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (read.get(i)) {
                names.add(table.columns().get(i).name());
            }
        }
        return names;
    }

    /** The conjuncts of {@code condition} that read only partition columns, or null if none do. */
    private static Expr partitionFilter(TableScan scan, RexNode condition) throws SqlException {
        TableDefinition table = scan.getTable().unwrap(CatalogTable.class).definition();
        ImmutableBitSet partitionColumns = ImmutableBitSet.range(table.columns().size(), table.allColumns().size());
        List<RexNode> prunable = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
            if (!used.isEmpty() && partitionColumns.contains(used)) {
                prunable.add(conjunct);
            }
        }
        if (prunable.isEmpty()) {
            return null;
        }
        return translator(scan).translate(RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), prunable));
    }

    private Flow aggregate(Aggregate aggregate) throws SqlException {
        if (aggregate.getGroupSets().size() != 1) {
            throw new SqlException("GROUPING SETS, CUBE and ROLLUP are not supported");
        }
        Flow input = compile(aggregate.getInput());
        int[] keys = aggregate.getGroupSet().toArray();
        Kind[] keyKinds = new Kind[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keyKinds[i] = input.kinds()[keys[i]];
        }
        List<AggCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            calls.add(aggCall(call));
        }
        Shuffle.Aggregate shuffle = new Shuffle.Aggregate(keys, keyKinds, calls);
        int reducers = keys.length == 0 ? 1 : reducers(input.bytes());
        StageBuilder stage = newStage(input, shuffle, reducers, "aggregate over " + describe(input));
        return Flow.fromStage(stage, Kinds.of(aggregate.getRowType().getFieldList()), names(aggregate), input.bytes());
    }

    private AggCall aggCall(AggregateCall call) throws SqlException {
        if (call.isDistinct()) {
            throw new SqlException("Aggregate " + call + " with DISTINCT could not be planned");
        }
        AggCall.Function function = switch (call.getAggregation().getKind()) {
            case COUNT -> AggCall.Function.COUNT;
            case SUM -> AggCall.Function.SUM;
            case SUM0 -> AggCall.Function.SUM0;
            case AVG -> AggCall.Function.AVG;
            case MIN -> AggCall.Function.MIN;
            case MAX -> AggCall.Function.MAX;
            case ANY_VALUE, SINGLE_VALUE -> AggCall.Function.ANY_VALUE;
            default -> call.getAggregation() == QuarryAggregates.PERCENTILE ? AggCall.Function.PERCENTILE : null;
        };
        if (function == null) {
            throw new SqlException("Aggregate function " + call.getAggregation().getName() + " is not supported");
        }
        int parameter = -1;
        if (function == AggCall.Function.PERCENTILE) {
            parameter = call.getArgList().get(1);
        } else if (call.getArgList().size() > 1) {
            throw new SqlException("Aggregate " + call + " with several arguments is not supported");
        }
        int argument = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
        if (argument < 0 && function != AggCall.Function.COUNT) {
            throw new SqlException("Aggregate " + call + " needs an argument");
        }
        return new AggCall(function, argument, parameter, call.filterArg, Kinds.of(call.getType()), call.getName());
    }

    private Flow sort(Sort sort) throws SqlException {
        Flow input = compile(sort.getInput());
        long offset = sort.offset == null ? 0 : ((RexLiteral) sort.offset).getValueAs(Long.class);
        long fetch = sort.fetch == null ? -1 : ((RexLiteral) sort.fetch).getValueAs(Long.class);
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        if (collations.isEmpty() && offset == 0 && fetch < 0) {
            return input;
        }
        int[] columns = new int[collations.size()];
        Kind[] kinds = new Kind[columns.length];
        boolean[] descending = new boolean[columns.length];
        boolean[] nullsFirst = new boolean[columns.length];
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            RelFieldCollation c = collations.get(i);
            columns[i] = c.getFieldIndex();
            kinds[i] = input.kinds()[columns[i]];
            descending[i] = c.getDirection().isDescending();
            nullsFirst[i] = c.nullDirection == RelFieldCollation.NullDirection.FIRST
                    || (c.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && !descending[i]);
            order.append(i == 0 ? "" : ", ").append(input.names().get(columns[i])).append(descending[i] ? " DESC" : " ASC")
                    .append(nullsFirst[i] ? " NULLS FIRST" : " NULLS LAST");
        }
        Shuffle.Sort shuffle = new Shuffle.Sort(columns, new KeyCodec(kinds, descending, nullsFirst), offset, fetch,
                order.length() == 0 ? "(no order)" : order.toString());
        // Without LIMIT or OFFSET a large input is sorted by several reducers, each given a key range (total order).
        int reducers = fetch < 0 && offset == 0 && !collations.isEmpty() ? reducers(input.bytes()) : 1;
        String kind = fetch >= 0 ? "top-" + (offset + fetch) + " sort over " : reducers > 1 ? "total-order sort over " : "sort over ";
        StageBuilder stage = newStage(input, shuffle, reducers, kind + describe(input));
        return Flow.fromStage(stage, input.kinds(), names(sort), input.bytes());
    }

    private Flow join(Join join) throws SqlException {
        JoinKind kind = switch (join.getJoinType()) {
            case INNER -> JoinKind.INNER;
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            case SEMI -> JoinKind.SEMI;
            case ANTI -> JoinKind.ANTI;
            default -> throw new SqlException(join.getJoinType() + " joins are not supported");
        };
        JoinInfo info = join.analyzeCondition();
        Flow left = compile(join.getLeft());
        Flow right = compile(join.getRight());
        int leftWidth = left.kinds().length;
        int rightWidth = right.kinds().length;
        RexNode residualNode = info.getRemaining(join.getCluster().getRexBuilder());
        List<String> joinedNames = new ArrayList<>(left.names());
        joinedNames.addAll(right.names());
        Expr residual = residualNode.isAlwaysTrue() ? null
                : new RexTranslator(join.getCluster().getRexBuilder(), joinedNames).translate(residualNode);
        Kind[] outKinds = Kinds.of(join.getRowType().getFieldList());
        long limit = conf.getSize(SqlConfigKeys.BROADCAST_JOIN_SIZE);
        boolean rightSmall = right.isTableOnly() && right.bytes() <= limit && limit > 0;
        boolean leftSmall = left.isTableOnly() && left.bytes() <= limit && limit > 0;
        int[] leftKeys = info.leftKeys.toIntArray();
        int[] rightKeys = info.rightKeys.toIntArray();
        boolean cross = leftKeys.length == 0;
        if (rightSmall && !cross && kind != JoinKind.RIGHT && kind != JoinKind.FULL) {
            return left.append(new RowOp.BroadcastJoin(right.inputs(), leftKeys, rightKeys, kind, false, rightWidth, residual),
                    outKinds, names(join));
        }
        if (leftSmall && !cross && (kind == JoinKind.INNER || kind == JoinKind.RIGHT)) {
            return right.append(new RowOp.BroadcastJoin(left.inputs(), rightKeys, leftKeys, kind, true, leftWidth, residual),
                    outKinds, names(join));
        }
        Kind[] keyKinds = new Kind[leftKeys.length];
        for (int i = 0; i < keyKinds.length; i++) {
            Kind l = left.kinds()[leftKeys[i]];
            Kind r = right.kinds()[rightKeys[i]];
            keyKinds[i] = l == r ? l : (l.isNumeric() && r.isNumeric() ? (l == Kind.DOUBLE || r == Kind.DOUBLE ? Kind.DOUBLE : Kind.BIGINT) : l);
        }
        Shuffle.Join shuffle = new Shuffle.Join(new int[][] {leftKeys, rightKeys}, keyKinds, kind, leftWidth, rightWidth, residual);
        Flow both = Flow.tagged(left, right);
        // Without an equality every row meets every other: one reducer does the nested loop.
        StageBuilder stage = newStage(both, shuffle, cross ? 1 : reducers(left.bytes() + right.bytes()),
                "shuffle join over " + describe(both));
        return Flow.fromStage(stage, outKinds, names(join), left.bytes() + right.bytes());
    }

    private StageBuilder newStage(Flow input, Shuffle shuffle, int reducers, String description) {
        int id = stages.size() + 1;
        StageBuilder stage = new StageBuilder(id, input.inputs(), shuffle, reducers, scratch.child("stage-" + id).toString(),
                description);
        stage.kinds = shuffle == null || shuffle instanceof Shuffle.Sort ? input.kinds() : null;
        stages.add(stage);
        return stage;
    }

    private int reducers(long bytes) {
        long perReducer = Math.max(1, conf.getSize(SqlConfigKeys.BYTES_PER_REDUCER));
        long wanted = (bytes + perReducer - 1) / perReducer;
        return (int) Math.max(1, Math.min(conf.getInt(SqlConfigKeys.MAX_REDUCERS), wanted));
    }

    private static RexTranslator translator(RelNode input) {
        RexBuilder rexBuilder = input.getCluster().getRexBuilder();
        return new RexTranslator(rexBuilder, input.getRowType().getFieldNames());
    }

    private static List<String> names(RelNode rel) {
        return rel.getRowType().getFieldNames();
    }

    private static String describe(Flow flow) {
        return flow.inputs().stream().map(i -> i.source().toString()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }
}
