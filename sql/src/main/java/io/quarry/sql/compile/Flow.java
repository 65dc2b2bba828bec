package io.quarry.sql.compile;

import java.util.ArrayList;
import java.util.List;

import io.quarry.sql.runtime.Kind;
import io.quarry.sql.runtime.plan.MapInput;
import io.quarry.sql.runtime.plan.RowOp;
import io.quarry.sql.runtime.plan.Source;

/**
 * Rows on their way to the next shuffle: one or more inputs (a UNION has several), each with the
 * steps its rows take, and the kinds and names of the columns they have now. A flow that is
 * exactly a stage's output ({@code producer}) takes further steps into that stage's reduce.
 */
record Flow(List<MapInput> inputs, StageBuilder producer, Kind[] kinds, List<String> names, long bytes) {
    static Flow of(Source source, Kind[] kinds, List<String> names) {
        long bytes = source instanceof Source.Table table ? table.bytes() : 0;
        return new Flow(List.of(new MapInput(source, List.of(), 0)), null, kinds, names, bytes);
    }

    static Flow fromStage(StageBuilder stage, Kind[] kinds, List<String> names, long bytes) {
        stage.kinds = kinds;
        return new Flow(List.of(new MapInput(new Source.StageOutput(stage.id, stage.outputDirectory), List.of(), 0)), stage,
                kinds, names, bytes);
    }

    static Flow union(List<Flow> flows, Kind[] kinds, List<String> names) {
        List<MapInput> inputs = new ArrayList<>();
        long bytes = 0;
        for (Flow flow : flows) {
            inputs.addAll(flow.inputs);
            bytes += flow.bytes;
        }
        return new Flow(inputs, null, kinds, names, bytes);
    }

    /** The inputs of a shuffle join: the left flow's tagged 0, the right flow's tagged 1. */
    static Flow tagged(Flow left, Flow right) {
        List<MapInput> inputs = new ArrayList<>();
        left.inputs.forEach(i -> inputs.add(new MapInput(i.source(), i.ops(), 0)));
        right.inputs.forEach(i -> inputs.add(new MapInput(i.source(), i.ops(), 1)));
        return new Flow(inputs, null, left.kinds, left.names, left.bytes + right.bytes);
    }

    Flow append(RowOp op, Kind[] newKinds, List<String> newNames) {
        if (producer != null) {
            producer.reduceOps.add(op);
            return fromStage(producer, newKinds, newNames, bytes);
        }
        List<MapInput> extended = new ArrayList<>();
        for (MapInput input : inputs) {
            List<RowOp> ops = new ArrayList<>(input.ops());
            ops.add(op);
            extended.add(new MapInput(input.source(), ops, input.tag()));
        }
        return new Flow(extended, null, newKinds, newNames, bytes);
    }

    Flow rename(List<String> newNames) {
        return new Flow(inputs, producer, kinds, newNames, bytes);
    }

    /** Whether every input reads table files or constants directly (no earlier stage): candidates for broadcast. */
    boolean isTableOnly() {
        return producer == null && inputs.stream().allMatch(i -> !(i.source() instanceof Source.StageOutput));
    }
}
