package io.quarry.common.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds keys that look like Quarry's or Hadoop's but that nothing reads, so a typo such as
 * {@code dfs.replicaton} is reported with the key that was probably meant instead of silently
 * leaving the default in force. Also parses every known key once, so bad values fail at startup.
 */
public final class ConfigValidator {
    /** Prefixes of the namespaces Quarry owns or shares with Hadoop. */
    private static final List<String> CHECKED_PREFIXES = List.of(
            "quarry.", "dfs.", "fs.", "mapreduce.", "mapred.", "ha.", "hadoop.", "io.", "yarn.", "net.");

    private final KnownKeys known;

    public ConfigValidator(KnownKeys known) {
        this.known = known;
    }

    /** Returns one message per unknown key, naming the closest known key when one is close. */
    public List<String> unknownKeys(Configuration conf) {
        List<String> problems = new ArrayList<>();
        for (String name : conf.keys()) {
            if (known.contains(name) || !isChecked(name)) {
                continue;
            }
            String closest = closestKnown(name);
            problems.add(closest == null
                    ? "Unknown configuration key '" + name + "'"
                    : "Unknown configuration key '" + name + "' (did you mean '" + closest + "'?)");
        }
        return problems;
    }

    /** Parses every set value of a known key; throws {@link ConfigException} on the first bad one. */
    public void checkValues(Configuration conf) {
        for (String name : conf.keys()) {
            ConfigKey key = known.get(name);
            if (key != null) {
                ConfigValues.parse(name, key.type(), conf.get(name), key.bareUnit());
            }
        }
    }

    private static boolean isChecked(String name) {
        for (String prefix : CHECKED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private String closestKnown(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey key : known.all()) {
            int distance = EditDistance.between(name, key.name());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = key.name();
            }
        }
        // Suggest only when the typo is small relative to the key: a third of its length at most.
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }
}
