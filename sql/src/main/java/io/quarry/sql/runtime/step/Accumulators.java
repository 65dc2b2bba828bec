package io.quarry.sql.runtime.step;

import java.util.List;

import io.quarry.sql.runtime.Kind;
import io.quarry.sql.runtime.expr.Values;
import io.quarry.sql.runtime.plan.AggCall;

/**
 * The partial states of a GROUP BY's aggregates, laid out side by side in one {@code Object[]}:
 * COUNT a Long, SUM/SUM0 the running sum (Long or Double, null before the first value for SUM),
 * AVG a Double sum and a Long count, MIN/MAX/ANY_VALUE the value so far. States are built from
 * rows in the map and merged in the reduce; {@link #finish} gives the SQL results.
 */
public final class Accumulators {
    private final AggCall[] calls;
    private final int[] offsets;
    private final int width;
    private final boolean[] integral;

    public Accumulators(List<AggCall> calls) {
        this.calls = calls.toArray(new AggCall[0]);
        this.offsets = new int[this.calls.length];
        this.integral = new boolean[this.calls.length];
        int w = 0;
        for (int i = 0; i < this.calls.length; i++) {
            offsets[i] = w;
            w += this.calls[i].stateWidth();
            Kind k = this.calls[i].resultKind();
            integral[i] = k == Kind.INT || k == Kind.BIGINT;
        }
        this.width = w;
    }

    public int width() {
        return width;
    }

    public int count() {
        return calls.length;
    }

    public Object[] newState() {
        Object[] state = new Object[width];
        for (int i = 0; i < calls.length; i++) {
            int o = offsets[i];
            switch (calls[i].function()) {
                case COUNT -> state[o] = 0L;
                case SUM0 -> state[o] = integral[i] ? (Object) 0L : (Object) 0.0;
                case AVG -> {
                    state[o] = 0.0;
                    state[o + 1] = 0L;
                }
                default -> {
                }
            }
        }
        return state;
    }

    /** Adds one input row to {@code state}. */
    public void accumulate(Object[] state, Object[] row) {
        for (int i = 0; i < calls.length; i++) {
            AggCall call = calls[i];
            if (call.filter() >= 0 && row[call.filter()] != Boolean.TRUE) {
                continue;
            }
            int o = offsets[i];
            Object v = call.argument() < 0 ? Boolean.TRUE : row[call.argument()];
            if (v == null) {
                continue;
            }
            switch (call.function()) {
                case COUNT -> state[o] = (Long) state[o] + 1;
                case SUM, SUM0 -> state[o] = add(state[o], v, integral[i]);
                case AVG -> {
                    state[o] = (Double) state[o] + ((Number) v).doubleValue();
                    state[o + 1] = (Long) state[o + 1] + 1;
                }
                case MIN -> {
                    if (state[o] == null || Values.compare(v, state[o]) < 0) {
                        state[o] = v;
                    }
                }
                case MAX -> {
                    if (state[o] == null || Values.compare(v, state[o]) > 0) {
                        state[o] = v;
                    }
                }
                case ANY_VALUE -> {
                    if (state[o] == null) {
                        state[o] = v;
                    }
                }
            }
        }
    }

    /** Merges the partial state {@code partial[from..]} into {@code state}. */
    public void merge(Object[] state, Object[] partial, int from) {
        for (int i = 0; i < calls.length; i++) {
            int o = offsets[i];
            Object p = partial[from + o];
            switch (calls[i].function()) {
                case COUNT -> state[o] = (Long) state[o] + (Long) p;
                case SUM, SUM0 -> {
                    if (p != null) {
                        state[o] = add(state[o], p, integral[i]);
                    }
                }
                case AVG -> {
                    state[o] = (Double) state[o] + (Double) p;
                    state[o + 1] = (Long) state[o + 1] + (Long) partial[from + o + 1];
                }
                case MIN -> {
                    if (p != null && (state[o] == null || Values.compare(p, state[o]) < 0)) {
                        state[o] = p;
                    }
                }
                case MAX -> {
                    if (p != null && (state[o] == null || Values.compare(p, state[o]) > 0)) {
                        state[o] = p;
                    }
                }
                case ANY_VALUE -> {
                    if (state[o] == null) {
                        state[o] = p;
                    }
                }
            }
        }
    }

    /** Writes the aggregate results into {@code out[at..at + count)}. */
    public void finish(Object[] state, Object[] out, int at) {
        for (int i = 0; i < calls.length; i++) {
            int o = offsets[i];
            Object result = switch (calls[i].function()) {
                case AVG -> (Long) state[o + 1] == 0 ? null : (Double) state[o] / (Long) state[o + 1];
                default -> state[o];
            };
            Kind kind = calls[i].resultKind();
            out[at + i] = result == null || Kind.of(result) == kind ? result : Values.cast(result, kind);
        }
    }

    private static Object add(Object sum, Object v, boolean integral) {
        if (integral) {
            long x = ((Number) v).longValue();
            return sum == null ? x : (Long) sum + x;
        }
        double x = ((Number) v).doubleValue();
        return sum == null ? x : ((Number) sum).doubleValue() + x;
    }
}
