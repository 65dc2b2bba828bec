package io.quarry.sql.runtime.expr;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.quarry.sql.functions.HiveFunctions;
import io.quarry.sql.functions.ScalarFunction;
import io.quarry.sql.runtime.Kind;

/**
 * A call of a Hive function by name ({@link HiveFunctions}). The function instance is created on
 * first use in each task, so it may cache compiled patterns and formats. The result is converted
 * to the kind the validator gave the call.
 */
public final class FunctionCall extends Expr {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Expr[] args;
    private transient ScalarFunction function;
    private transient Object[] values;

    public FunctionCall(String name, Expr[] args, Kind kind) {
        super(kind);
        this.name = name;
        this.args = args;
    }

    /** Whether a function of this name exists (checked when compiling, so tasks do not fail on it). */
    public static boolean exists(String name) {
        return HiveFunctions.instantiate(name).isPresent();
    }

    @Override
    public Object eval(Object[] row) {
        if (function == null) {
            function = HiveFunctions.instantiate(name)
                    .orElseThrow(() -> new IllegalStateException("No Hive function " + name));
            values = new Object[args.length];
        }
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i].eval(row);
        }
        Object result = function.apply(values);
        if (result == null || Kind.of(result) == kind() || kind() == Kind.NULL) {
            return result;
        }
        return Values.cast(result, kind());
    }

    @Override
    public String toString() {
        return name.toLowerCase(java.util.Locale.ROOT)
                + Arrays.stream(args).map(Expr::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
