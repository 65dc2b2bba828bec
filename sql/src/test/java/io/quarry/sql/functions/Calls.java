package io.quarry.sql.functions;

/** Calls a Hive function the way the engine does: a fresh instance, then apply. */
final class Calls {
    private Calls() {
    }

    static Object call(String name, Object... args) {
        ScalarFunction function = HiveFunctions.instantiate(name)
                .orElseThrow(() -> new AssertionError("no function " + name));
        return function.apply(args);
    }

    static ScalarFunction instance(String name) {
        return HiveFunctions.instantiate(name).orElseThrow(() -> new AssertionError("no function " + name));
    }
}
