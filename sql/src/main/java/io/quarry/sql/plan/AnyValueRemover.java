package io.quarry.sql.plan;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Replaces {@code ANY_VALUE(k)} of a grouping column {@code k} (what the validator makes of a
 * SELECT expression that repeats a GROUP BY expression) by the grouping column itself, so the
 * aggregate keeps only real aggregates and DISTINCT aggregates split into two plain levels.
 */
final class AnyValueRemover extends RelHomogeneousShuttle {
    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (!(visited instanceof LogicalAggregate aggregate) || aggregate.getGroupSets().size() != 1) {
            return visited;
        }
        List<Integer> keys = aggregate.getGroupSet().asList();
        boolean any = aggregate.getAggCallList().stream().anyMatch(c -> isKeyAnyValue(c, keys));
        if (!any) {
            return visited;
        }
        List<AggregateCall> kept = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sources.add(i);
        }
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (isKeyAnyValue(call, keys)) {
                sources.add(keys.indexOf(call.getArgList().get(0)));
            } else {
                sources.add(keys.size() + kept.size());
                kept.add(call);
            }
        }
        LogicalAggregate slim = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), kept);
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            RexNode ref = rex.makeInputRef(slim, sources.get(i));
            projects.add(rex.ensureType(aggregate.getRowType().getFieldList().get(i).getType(), ref, true));
        }
        return LogicalProject.create(slim, List.of(), projects, aggregate.getRowType().getFieldNames(), java.util.Set.of());
    }

    private static boolean isKeyAnyValue(AggregateCall call, List<Integer> keys) {
        return call.getAggregation().getKind() == SqlKind.ANY_VALUE && call.getArgList().size() == 1
                && keys.contains(call.getArgList().get(0)) && !call.hasFilter();
    }
}
