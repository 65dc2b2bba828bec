package io.quarry.sql.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.sql.runtime.plan.RowOp.JoinKind;
import io.quarry.sql.runtime.plan.Shuffle;
import io.quarry.sql.runtime.plan.StagePlan;
import io.quarry.sql.runtime.step.Accumulators;
import io.quarry.sql.runtime.step.Step;
import io.quarry.sql.runtime.step.Steps;
import io.quarry.sql.runtime.step.TaskEnvironment;

/**
 * The reduce task of every SQL stage with a shuffle: merges partial aggregates per group, writes
 * sorted rows (skipping OFFSET, stopping at LIMIT), or joins the two sides of a key; then runs the
 * stage's reduce-side steps (HAVING, projections) and writes the rows.
 */
public final class StageReducer extends Reducer<BytesValue, BytesValue, NullValue, Object> {
    private StagePlan plan;
    private Step tail;
    private Accumulators accumulators;
    private KeyCodec groupKey;
    private Object[] state;
    private Object[] out;
    private boolean sawGroup;
    private long sorted;

    @Override
    public void setup(TaskContext<NullValue, Object> context) throws IOException, InterruptedException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : StageReducer.class.getClassLoader();
        plan = PlanCodec.fromConfiguration(context.configuration(), loader);
        tail = Steps.chain(plan.reduceOps(), new OutputStep(value -> context.write(NullValue.INSTANCE, value), plan.textDelimiter()),
                new TaskEnvironment(context.configuration(), loader));
        if (plan.shuffle() instanceof Shuffle.Aggregate aggregate) {
            accumulators = new Accumulators(aggregate.calls());
            groupKey = KeyCodec.grouping(aggregate.keyKinds());
            out = new Object[aggregate.keys().length + accumulators.count()];
        }
    }

    @Override
    public void reduce(BytesValue key, Iterable<BytesValue> values, TaskContext<NullValue, Object> context)
            throws IOException, InterruptedException {
        Shuffle shuffle = plan.shuffle();
        if (shuffle instanceof Shuffle.Aggregate aggregate) {
            sawGroup = true;
            state = accumulators.newState();
            for (BytesValue value : values) {
                accumulators.merge(state, RowCodec.decode(value), 0);
            }
            groupKey.decode(key.bytes(), 0, key.length(), out, 0);
            accumulators.finish(state, out, aggregate.keys().length);
            tail.push(out);
        } else if (shuffle instanceof Shuffle.Sort sort) {
            for (BytesValue value : values) {
                long position = sorted++;
                if (position < sort.offset()) {
                    continue;
                }
                if (sort.fetch() >= 0 && position >= sort.offset() + sort.fetch()) {
                    return;
                }
                tail.push(RowCodec.decode(value));
            }
        } else {
            join((Shuffle.Join) shuffle, values);
        }
    }

    private void join(Shuffle.Join join, Iterable<BytesValue> values) throws IOException, InterruptedException {
        List<Object[]> left = new ArrayList<>();
        List<Object[]> right = new ArrayList<>();
        for (BytesValue value : values) {
            (RowCodec.tag(value) == 0 ? left : right).add(RowCodec.decodeTagged(value));
        }
        JoinKind kind = join.kind();
        int lw = join.leftWidth();
        int rw = join.rightWidth();
        if (kind == JoinKind.SEMI || kind == JoinKind.ANTI) {
            for (Object[] l : left) {
                boolean found = false;
                for (Object[] r : right) {
                    if (join.residual() == null || join.residual().test(concat(l, r, lw, rw))) {
                        found = true;
                        break;
                    }
                }
                if (found == (kind == JoinKind.SEMI)) {
                    tail.push(l);
                }
            }
            return;
        }
        boolean[] rightMatched = new boolean[right.size()];
        for (Object[] l : left) {
            boolean matched = false;
            for (int i = 0; i < right.size(); i++) {
                Object[] row = concat(l, right.get(i), lw, rw);
                if (join.residual() == null || join.residual().test(row)) {
                    matched = true;
                    rightMatched[i] = true;
                    tail.push(row);
                }
            }
            if (!matched && (kind == JoinKind.LEFT || kind == JoinKind.FULL)) {
                tail.push(concat(l, null, lw, rw));
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
            for (int i = 0; i < right.size(); i++) {
                if (!rightMatched[i]) {
                    tail.push(concat(null, right.get(i), lw, rw));
                }
            }
        }
    }

    private static Object[] concat(Object[] l, Object[] r, int lw, int rw) {
        Object[] row = new Object[lw + rw];
        if (l != null) {
            System.arraycopy(l, 0, row, 0, lw);
        }
        if (r != null) {
            System.arraycopy(r, 0, row, lw, rw);
        }
        return row;
    }

    @Override
    public void cleanup(TaskContext<NullValue, Object> context) throws IOException, InterruptedException {
        if (plan.shuffle() instanceof Shuffle.Aggregate aggregate && aggregate.keys().length == 0 && !sawGroup) {
            accumulators.finish(accumulators.newState(), out, 0);
            tail.push(out);
        }
        tail.finish();
    }
}
