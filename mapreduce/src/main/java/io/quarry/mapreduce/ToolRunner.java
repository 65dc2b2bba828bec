package io.quarry.mapreduce;

import io.quarry.common.conf.ConfigValidator;
import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;
import io.quarry.common.lifecycle.DaemonArgs;
import java.util.Arrays;

/**
 * Runs a {@link Tool} the way {@code quarry jar} and a jar's {@code main} do: leading generic
 * options ({@code -D key=value}, {@code -Dkey=value}, {@code --conf DIR}) build the configuration
 * on top of the site file; the remaining arguments go to the tool. Misspelt keys are reported
 * with the closest known key before the tool runs.
 */
public final class ToolRunner {
    private static volatile Configuration baseConfiguration;

    private ToolRunner() {
    }

    /**
     * The configuration tools start from in this process, instead of reading the site file:
     * {@code quarry jar} passes the one it already loaded (with its own {@code -D} options).
     */
    public static void setBaseConfiguration(Configuration conf) {
        baseConfiguration = conf;
    }

    /** Runs {@code tool} with the generic options taken off the front of {@code args}; returns its exit code. */
    public static int run(Tool tool, String[] args) throws Exception {
        int firstToolArg = genericOptionsEnd(args);
        DaemonArgs generic = DaemonArgs.parse(Arrays.copyOfRange(args, 0, firstToolArg));
        Configuration base = baseConfiguration;
        boolean explicitConfDir = Arrays.stream(args, 0, firstToolArg)
                .anyMatch(a -> a.equals("--conf") || a.equals("-conf") || a.equals("--config"));
        Configuration conf = base == null || explicitConfDir ? generic.load() : base.withAll(generic.overrides());
        ConfigValidator validator = new ConfigValidator(KnownKeys.load());
        for (String problem : validator.unknownKeys(conf)) {
            System.err.println("WARNING: " + problem);
        }
        validator.checkValues(conf);
        return tool.run(conf, Arrays.copyOfRange(args, firstToolArg, args.length));
    }

    /** The generic options a tool accepts, for its usage text. */
    public static String genericOptionsUsage() {
        return """
                Generic options (before the tool's own arguments):
                  -D key=value     set a configuration key (also -Dkey=value)
                  --conf DIR       configuration directory (default $QUARRY_CONF_DIR)""";
    }

    /** Index of the first argument that is not a generic option. */
    static int genericOptionsEnd(String[] args) {
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.equals("-D") || arg.equals("--conf") || arg.equals("-conf") || arg.equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                i += 2;
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
