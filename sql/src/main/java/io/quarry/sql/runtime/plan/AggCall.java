package io.quarry.sql.runtime.plan;

import java.io.Serializable;

import io.quarry.sql.runtime.Kind;

/**
 * One aggregate of a GROUP BY: its function, the input column ({@code -1} for COUNT(*)), an
 * optional column holding a BOOLEAN filter ({@code -1} for none), and the result kind.
 */
public record AggCall(Function function, int argument, int filter, Kind resultKind, String name) implements Serializable {
    public enum Function {
        COUNT, SUM, SUM0, AVG, MIN, MAX, ANY_VALUE
    }

    /** How many slots of partial state the function keeps. */
    public int stateWidth() {
        return function == Function.AVG ? 2 : 1;
    }

    @Override
    public String toString() {
        return function.name().toLowerCase(java.util.Locale.ROOT) + "(" + (argument < 0 ? "*" : "$" + argument) + ")"
                + (filter < 0 ? "" : " filter $" + filter);
    }
}
