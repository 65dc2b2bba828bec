package io.quarry.sql.runtime.plan;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.quarry.sql.runtime.KeyCodec;
import io.quarry.sql.runtime.Kind;

/** What a stage does between its map and its reduce: aggregate, sort or join. Absent for map-only stages. */
public sealed interface Shuffle extends Serializable {
    /** GROUP BY {@code keys} computing {@code calls}: partial aggregation in the map, merged in the reduce. */
    record Aggregate(int[] keys, Kind[] keyKinds, List<AggCall> calls) implements Shuffle {
        @Override
        public String toString() {
            return "aggregate by " + Arrays.toString(keys) + ": " + calls.stream().map(Object::toString).collect(Collectors.joining(", "))
                    + " (partial in the map)";
        }
    }

    /**
     * ORDER BY: rows keyed by {@code key} over {@code columns}; with a {@code fetch} each map keeps
     * only its top {@code offset + fetch} and one reducer writes the rows in order; without one, several
     * reducers may each sort a key range (total order).
     */
    record Sort(int[] columns, KeyCodec key, long offset, long fetch, String order) implements Shuffle {
        @Override
        public String toString() {
            return "sort by " + order + (fetch >= 0 ? " limit " + fetch + " (top-N in the map)" : " (total order)")
                    + (offset > 0 ? " offset " + offset : "");
        }
    }

    /** A shuffle join: each input tag's {@code keys[tag]} columns meet in the reducer. */
    record Join(int[][] keys, Kind[] keyKinds, RowOp.JoinKind kind, int leftWidth, int rightWidth,
            io.quarry.sql.runtime.expr.Expr residual) implements Shuffle {
        @Override
        public String toString() {
            return "shuffle " + kind + " join on " + Arrays.toString(keys[0]) + " = " + Arrays.toString(keys[1])
                    + (residual == null ? "" : " and " + residual);
        }
    }
}
