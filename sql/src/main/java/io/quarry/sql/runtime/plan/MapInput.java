package io.quarry.sql.runtime.plan;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/** One input of a stage: a source, the steps its rows go through in the map, and its tag (the join side). */
public record MapInput(Source source, List<RowOp> ops, int tag) implements Serializable {
    public MapInput {
        ops = List.copyOf(ops);
    }

    @Override
    public String toString() {
        return source + (ops.isEmpty() ? "" : " → " + ops.stream().map(Object::toString).collect(Collectors.joining(" → ")));
    }
}
