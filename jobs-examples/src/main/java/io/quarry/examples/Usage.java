package io.quarry.examples;

import io.quarry.mapreduce.ToolRunner;
import java.util.Arrays;

/** The {@code --help} handling every example shares. */
public final class Usage {
    private Usage() {
    }

    /** True when the arguments ask for help. */
    public static boolean helpRequested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("-help"));
    }

    /**
     * Prints the usage line, what the tool does and the generic options; returns 0 when help was
     * asked for and 2 (bad arguments) otherwise, as the tool's exit code.
     */
    public static int print(String usage, String description, String[] args) {
        boolean asked = helpRequested(args);
        var out = asked ? System.out : System.err;
        out.println(usage);
        out.println(description);
        out.println(ToolRunner.genericOptionsUsage());
        return asked ? 0 : 2;
    }
}
