package io.quarry.sql.compile;

import java.util.stream.Collectors;

import io.quarry.sql.runtime.plan.MapInput;
import io.quarry.sql.runtime.plan.StagePlan;

/** The text of EXPLAIN: each stage with its inputs and map-side steps, its shuffle, its reduce-side steps and output. */
public final class Explain {
    private Explain() {
    }

    public static String text(QueryPlan plan) {
        StringBuilder out = new StringBuilder();
        int n = plan.stages().size();
        for (int i = 0; i < n; i++) {
            StagePlan stage = plan.stages().get(i);
            out.append("Stage ").append(i + 1).append(" of ").append(n).append(": ").append(plan.descriptions().get(i))
                    .append(stage.shuffle() == null ? " (map only)" : " (" + stage.reducers() + (stage.reducers() == 1 ? " reducer)" : " reducers)"))
                    .append('\n');
            for (MapInput input : stage.inputs()) {
                out.append("  map: ").append(input).append(stage.inputs().size() > 1 ? " [tag " + input.tag() + "]" : "").append('\n');
            }
            if (stage.shuffle() != null) {
                out.append("  shuffle: ").append(stage.shuffle()).append('\n');
            }
            if (!stage.reduceOps().isEmpty()) {
                out.append("  reduce: ").append(stage.reduceOps().stream().map(Object::toString).collect(Collectors.joining(" → ")))
                        .append('\n');
            }
        }
        out.append("Result: ").append(String.join(", ", plan.columnNames()));
        return out.toString();
    }
}
