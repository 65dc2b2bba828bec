package io.quarry.sql.runtime.expr;

import java.io.Serializable;

import io.quarry.sql.runtime.Kind;

/**
 * A scalar expression evaluated over a row ({@code Object[]}, values as {@link Kind} describes),
 * Quarry's own tree, compiled from Calcite's and shipped to the tasks in the job configuration.
 * A tree is used by one thread (functions may keep scratch state); each task deserializes its own.
 */
public abstract class Expr implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Kind kind;

    protected Expr(Kind kind) {
        this.kind = java.util.Objects.requireNonNull(kind, "kind is null");
    }

    /** The kind of the values this expression yields. */
    public final Kind kind() {
        return kind;
    }

    public abstract Object eval(Object[] row);

    /** True only when the value is Boolean.TRUE: how WHERE, HAVING, ON and CASE WHEN read a condition. */
    public final boolean test(Object[] row) {
        return eval(row) == Boolean.TRUE;
    }

    /** SQL-ish text for EXPLAIN and error messages. */
    @Override
    public abstract String toString();
}
