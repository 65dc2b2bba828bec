package io.quarry.sql.runtime.plan;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.quarry.sql.runtime.Kind;
import io.quarry.sql.runtime.expr.Expr;

/** One step applied to each row inside a task, in order: filter, project, limit, broadcast join. */
public sealed interface RowOp extends Serializable {
    record Filter(Expr condition) implements RowOp {
        @Override
        public String toString() {
            return "filter " + condition;
        }
    }

    record Project(Expr[] expressions) implements RowOp {
        @Override
        public String toString() {
            return "project " + Arrays.stream(expressions).map(Expr::toString).collect(Collectors.joining(", "));
        }
    }

    record Limit(long count) implements RowOp {
        @Override
        public String toString() {
            return "limit " + count;
        }
    }

    /**
     * Joins each row with the rows of a small input that every task loads into a hash table:
     * {@code probeKeys} of this row against {@code buildKeys} of the small rows. The joined row is
     * left columns then right columns; {@code smallIsLeft} says which side the small input is.
     */
    record BroadcastJoin(List<MapInput> small, int[] probeKeys, int[] buildKeys, JoinKind kind, boolean smallIsLeft,
            int smallWidth, Expr residual) implements RowOp {
        @Override
        public String toString() {
            return "broadcast " + kind + " join with (" + small.stream().map(MapInput::toString).collect(Collectors.joining("; "))
                    + ") on " + Arrays.toString(probeKeys) + " = " + Arrays.toString(buildKeys)
                    + (residual == null ? "" : " and " + residual);
        }
    }

    enum JoinKind {
        INNER, LEFT, RIGHT, FULL, SEMI, ANTI
    }

    /** The kinds of row columns, for code that needs them (key encodings). */
    static String kinds(Kind[] kinds) {
        return Arrays.toString(kinds);
    }
}
