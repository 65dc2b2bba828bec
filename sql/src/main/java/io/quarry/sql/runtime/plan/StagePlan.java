package io.quarry.sql.runtime.plan;

import java.io.Serializable;
import java.util.List;

import io.quarry.sql.runtime.Kind;

/**
 * One MapReduce job of a query: its inputs (each a source and the map-side steps of its rows),
 * the shuffle (null for a map-only stage), the steps applied to the rows the reduce produces, and
 * where it writes. Serialized into the job configuration for the tasks.
 */
public record StagePlan(int id, List<MapInput> inputs, Shuffle shuffle, List<RowOp> reduceOps, int reducers,
        Kind[] outputKinds, String outputDirectory, int textDelimiter) implements Serializable {
    /** {@code textDelimiter} for a stage that writes binary rows (read by later stages or the client). */
    public static final int BINARY = -1;

    public StagePlan {
        inputs = List.copyOf(inputs);
        reduceOps = List.copyOf(reduceOps);
    }

    /** The same stage writing Hive text lines (fields separated by {@code delimiter}, NULL as \\N) to {@code directory}. */
    public StagePlan asText(char delimiter, String directory) {
        return new StagePlan(id, inputs, shuffle, reduceOps, reducers, outputKinds, directory, delimiter);
    }
}
