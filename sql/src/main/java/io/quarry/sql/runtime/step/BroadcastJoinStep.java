package io.quarry.sql.runtime.step;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarry.sql.runtime.InputReaders;
import io.quarry.sql.runtime.expr.Expr;
import io.quarry.sql.runtime.plan.MapInput;
import io.quarry.sql.runtime.plan.RowOp;
import io.quarry.sql.runtime.plan.RowOp.JoinKind;

/**
 * A map-side join: the small input is read whole by the task into a hash table on its join keys,
 * then each row probes it. Rows are joined as left columns then right columns.
 */
final class BroadcastJoinStep implements Step {
    private final Map<Object, List<Object[]>> table;
    private final int[] probeKeys;
    private final JoinKind kind;
    private final boolean smallIsLeft;
    private final int smallWidth;
    private final Expr residual;
    private final Step next;
    private Object[] joined;

    private BroadcastJoinStep(Map<Object, List<Object[]>> table, RowOp.BroadcastJoin op, Step next) {
        this.table = table;
        this.probeKeys = op.probeKeys();
        this.kind = op.kind();
        this.smallIsLeft = op.smallIsLeft();
        this.smallWidth = op.smallWidth();
        this.residual = op.residual();
        this.next = next;
    }

    static Step create(RowOp.BroadcastJoin op, Step next, TaskEnvironment environment) throws IOException, InterruptedException {
        Map<Object, List<Object[]>> table = new HashMap<>();
        int[] buildKeys = op.buildKeys();
        Step collect = row -> {
            Object key = JoinKeys.of(row, buildKeys);
            if (key != null) {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row.clone());
            }
        };
        for (MapInput input : op.small()) {
            Step chain = Steps.chain(input.ops(), collect, environment);
            InputReaders.readAll(input.source(), environment.configuration(), environment.classLoader(), chain::push);
            chain.finish();
        }
        return new BroadcastJoinStep(table, op, next);
    }

    @Override
    public void push(Object[] row) throws IOException, InterruptedException {
        Object key = JoinKeys.of(row, probeKeys);
        List<Object[]> matches = key == null ? null : table.get(key);
        if (kind == JoinKind.SEMI || kind == JoinKind.ANTI) {
            boolean found = false;
            if (matches != null) {
                for (Object[] match : matches) {
                    if (residual == null || residual.test(join(row, match, row.length))) {
                        found = true;
                        break;
                    }
                }
            }
            if (found == (kind == JoinKind.SEMI)) {
                next.push(row);
            }
            return;
        }
        boolean matched = false;
        if (matches != null) {
            for (Object[] match : matches) {
                Object[] out = join(row, match, row.length);
                if (residual == null || residual.test(out)) {
                    matched = true;
                    next.push(out);
                }
            }
        }
        boolean outer = (kind == JoinKind.LEFT && !smallIsLeft) || (kind == JoinKind.RIGHT && smallIsLeft);
        if (!matched && outer) {
            next.push(join(row, null, row.length));
        }
    }

    private Object[] join(Object[] probe, Object[] small, int probeWidth) {
        int width = probeWidth + smallWidth;
        if (joined == null || joined.length != width) {
            joined = new Object[width];
        }
        if (smallIsLeft) {
            if (small == null) {
                java.util.Arrays.fill(joined, 0, smallWidth, null);
            } else {
                System.arraycopy(small, 0, joined, 0, smallWidth);
            }
            System.arraycopy(probe, 0, joined, smallWidth, probeWidth);
        } else {
            System.arraycopy(probe, 0, joined, 0, probeWidth);
            if (small == null) {
                java.util.Arrays.fill(joined, probeWidth, width, null);
            } else {
                System.arraycopy(small, 0, joined, probeWidth, smallWidth);
            }
        }
        return joined;
    }

    @Override
    public void finish() throws IOException, InterruptedException {
        next.finish();
    }
}
