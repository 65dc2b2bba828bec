package io.quarry.sql.compile;

import java.util.List;

import io.quarry.sql.runtime.Kind;
import io.quarry.sql.runtime.plan.StagePlan;

/** A query compiled into MapReduce stages, run in order; the last one's output is the result. */
public record QueryPlan(List<StagePlan> stages, List<String> columnNames, Kind[] columnKinds, List<String> descriptions) {
    public QueryPlan {
        stages = List.copyOf(stages);
        columnNames = List.copyOf(columnNames);
        descriptions = List.copyOf(descriptions);
    }

    public StagePlan last() {
        return stages.get(stages.size() - 1);
    }
}
