package io.quarry.sql.runtime.expr;

import io.quarry.sql.runtime.Kind;

/** {@code CASE WHEN c1 THEN v1 … ELSE e END}: the first condition that is TRUE picks its value. */
public final class CaseWhen extends Expr {
    private static final long serialVersionUID = 1L;
    private final Expr[] conditions;
    private final Expr[] results;
    private final Expr otherwise;

    public CaseWhen(Expr[] conditions, Expr[] results, Expr otherwise, Kind kind) {
        super(kind);
        this.conditions = conditions;
        this.results = results;
        this.otherwise = otherwise;
    }

    @Override
    public Object eval(Object[] row) {
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].eval(row) == Boolean.TRUE) {
                return Values.cast(results[i].eval(row), kind());
            }
        }
        return Values.cast(otherwise.eval(row), kind());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CASE");
        for (int i = 0; i < conditions.length; i++) {
            s.append(" WHEN ").append(conditions[i]).append(" THEN ").append(results[i]);
        }
        return s.append(" ELSE ").append(otherwise).append(" END").toString();
    }
}
