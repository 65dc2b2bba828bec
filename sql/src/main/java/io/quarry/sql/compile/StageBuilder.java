package io.quarry.sql.compile;

import java.util.ArrayList;
import java.util.List;

import io.quarry.sql.runtime.Kind;
import io.quarry.sql.runtime.plan.MapInput;
import io.quarry.sql.runtime.plan.RowOp;
import io.quarry.sql.runtime.plan.Shuffle;
import io.quarry.sql.runtime.plan.StagePlan;

/** A stage while the compiler still adds steps to its reduce side. */
final class StageBuilder {
    final int id;
    final List<MapInput> inputs;
    final Shuffle shuffle;
    final int reducers;
    final String outputDirectory;
    final String description;
    final List<RowOp> reduceOps = new ArrayList<>();
    Kind[] kinds;

    StageBuilder(int id, List<MapInput> inputs, Shuffle shuffle, int reducers, String outputDirectory, String description) {
        this.id = id;
        this.inputs = List.copyOf(inputs);
        this.shuffle = shuffle;
        this.reducers = shuffle == null ? 0 : reducers;
        this.outputDirectory = outputDirectory;
        this.description = description;
    }

    StagePlan build() {
        return new StagePlan(id, inputs, shuffle, reduceOps, reducers, kinds, outputDirectory, StagePlan.BINARY);
    }
}
