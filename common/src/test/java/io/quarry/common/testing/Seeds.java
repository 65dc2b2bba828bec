package io.quarry.common.testing;

/**
 * Seeds for randomised tests: {@code -Dquarry.test.seed=N} replays a run; otherwise a fresh seed
 * is drawn. The seed is printed so a failing run can be replayed.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long seed(String testName) {
        String fixed = System.getProperty("quarry.test.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        System.out.println(testName + " seed=" + seed + " (replay with -Dquarry.test.seed=" + seed + ")");
        return seed;
    }
}
