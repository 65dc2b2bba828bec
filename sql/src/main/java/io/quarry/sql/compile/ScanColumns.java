package io.quarry.sql.compile;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Which columns of each table scan a plan reads (projection push-down into the table reader): the
 * fields a node needs from its input are the fields its parent needs from it plus those its own
 * expressions, keys and conditions read. A reader then decodes only those columns of each line,
 * and none at all when a query reads no column ({@code count(*)}).
 */
final class ScanColumns {
    private final Map<TableScan, ImmutableBitSet> read = new IdentityHashMap<>();

    private ScanColumns() {
    }

    /** The columns (indexes into the scan's row) that {@code root}'s output needs from each scan under it. */
    static ScanColumns of(RelNode root) {
        ScanColumns columns = new ScanColumns();
        columns.visit(root, ImmutableBitSet.range(root.getRowType().getFieldCount()));
        return columns;
    }

    /** The columns of {@code scan}'s row the plan reads; all of them for a scan this analysis did not meet. */
    ImmutableBitSet readBy(TableScan scan) {
        ImmutableBitSet columns = read.get(scan);
        return columns != null ? columns : ImmutableBitSet.range(scan.getRowType().getFieldCount());
    }

    private void visit(RelNode rel, ImmutableBitSet needed) {
        if (rel instanceof TableScan scan) {
            read.merge(scan, needed, ImmutableBitSet::union);
        } else if (rel instanceof Project project) {
            ImmutableBitSet.Builder input = ImmutableBitSet.builder();
            for (int field : needed) {
                input.addAll(RelOptUtil.InputFinder.bits(project.getProjects().get(field)));
            }
            visit(project.getInput(), input.build());
        } else if (rel instanceof Filter filter) {
            visit(filter.getInput(), needed.union(RelOptUtil.InputFinder.bits(filter.getCondition())));
        } else if (rel instanceof Aggregate aggregate) {
            ImmutableBitSet.Builder input = ImmutableBitSet.builder().addAll(aggregate.getGroupSet());
            for (AggregateCall call : aggregate.getAggCallList()) {
                input.addAll(call.getArgList());
                if (call.filterArg >= 0) {
                    input.set(call.filterArg);
                }
            }
            visit(aggregate.getInput(), input.build());
        } else if (rel instanceof Sort sort) {
            ImmutableBitSet.Builder input = ImmutableBitSet.builder().addAll(needed);
            for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
                input.set(collation.getFieldIndex());
            }
            visit(sort.getInput(), input.build());
        } else if (rel instanceof Join join) {
            ImmutableBitSet all = needed.union(RelOptUtil.InputFinder.bits(join.getCondition()));
            int leftWidth = join.getLeft().getRowType().getFieldCount();
            int rightWidth = join.getRight().getRowType().getFieldCount();
            visit(join.getLeft(), all.intersect(ImmutableBitSet.range(leftWidth)));
            visit(join.getRight(), all.intersect(ImmutableBitSet.range(leftWidth, leftWidth + rightWidth)).shift(-leftWidth));
        } else if (rel instanceof Union) {
            rel.getInputs().forEach(input -> visit(input, needed));
        } else {
            List<RelNode> inputs = rel.getInputs();
            inputs.forEach(input -> visit(input, ImmutableBitSet.range(input.getRowType().getFieldCount())));
        }
    }
}
