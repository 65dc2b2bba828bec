package io.quarry.common.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.Configuration;

/**
 * The arguments every Quarry command accepts before its own: {@code --conf DIR} (or the
 * {@code QUARRY_CONF_DIR} environment variable) and any number of {@code -Dkey=value} or
 * {@code -D key=value}. Whatever else is left over is returned in order.
 */
public record DaemonArgs(Path confDir, Map<String, String> overrides, List<String> remaining) {
    public static DaemonArgs parse(String[] args) {
        Path confDir = null;
        String fromEnv = System.getenv("QUARRY_CONF_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            confDir = Paths.get(fromEnv);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--conf") || arg.equals("-conf") || arg.equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a directory");
                }
                confDir = Paths.get(args[++i]);
            } else if (arg.equals("-D")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("-D needs key=value");
                }
                putOverride(overrides, args[++i]);
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                putOverride(overrides, arg.substring(2));
            } else {
                remaining.add(arg);
            }
        }
        return new DaemonArgs(confDir, Collections.unmodifiableMap(overrides), List.copyOf(remaining));
    }

    private static void putOverride(Map<String, String> overrides, String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("Expected -Dkey=value, got -D" + assignment);
        }
        overrides.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    public Configuration load() throws IOException {
        return Configuration.load(confDir, overrides);
    }
}
