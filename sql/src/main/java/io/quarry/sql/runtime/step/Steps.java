package io.quarry.sql.runtime.step;

import java.io.IOException;
import java.util.List;

import io.quarry.sql.runtime.expr.Expr;
import io.quarry.sql.runtime.plan.RowOp;

/** Builds the chain of steps for a list of {@link RowOp}s ending in {@code terminal}. */
public final class Steps {
    private Steps() {
    }

    public static Step chain(List<RowOp> ops, Step terminal, TaskEnvironment environment) throws IOException, InterruptedException {
        Step next = terminal;
        for (int i = ops.size() - 1; i >= 0; i--) {
            next = step(ops.get(i), next, environment);
        }
        return next;
    }

    private static Step step(RowOp op, Step next, TaskEnvironment environment) throws IOException, InterruptedException {
        if (op instanceof RowOp.Filter filter) {
            return new FilterStep(filter.condition(), next);
        }
        if (op instanceof RowOp.Project project) {
            return new ProjectStep(project.expressions(), next);
        }
        if (op instanceof RowOp.Limit limit) {
            return new LimitStep(limit.count(), next);
        }
        return BroadcastJoinStep.create((RowOp.BroadcastJoin) op, next, environment);
    }

    private static final class FilterStep implements Step {
        private final Expr condition;
        private final Step next;

        FilterStep(Expr condition, Step next) {
            this.condition = condition;
            this.next = next;
        }

        @Override
        public void push(Object[] row) throws IOException, InterruptedException {
            if (condition.eval(row) == Boolean.TRUE) {
                next.push(row);
            }
        }

        @Override
        public void finish() throws IOException, InterruptedException {
            next.finish();
        }
    }

    private static final class ProjectStep implements Step {
        private final Expr[] expressions;
        private final Step next;
        private final Object[] out;

        ProjectStep(Expr[] expressions, Step next) {
            this.expressions = expressions;
            this.next = next;
            this.out = new Object[expressions.length];
        }

        @Override
        public void push(Object[] row) throws IOException, InterruptedException {
            for (int i = 0; i < expressions.length; i++) {
                out[i] = expressions[i].eval(row);
            }
            next.push(out);
        }

        @Override
        public void finish() throws IOException, InterruptedException {
            next.finish();
        }
    }

    private static final class LimitStep implements Step {
        private final long count;
        private final Step next;
        private long passed;

        LimitStep(long count, Step next) {
            this.count = count;
            this.next = next;
        }

        @Override
        public void push(Object[] row) throws IOException, InterruptedException {
            if (passed < count) {
                passed++;
                next.push(row);
            }
        }

        @Override
        public void finish() throws IOException, InterruptedException {
            next.finish();
        }
    }
}
