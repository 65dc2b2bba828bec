package io.quarry.cli.conf;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.quarry.common.conf.ConfigKey;

/**
 * Writes {@code conf/quarry-site.properties}: every known key commented out with its default and
 * its meaning, grouped by prefix ({@code dfs}, {@code fs}, {@code quarry.rpc}, ...).
 */
public final class ConfTemplate {
    private ConfTemplate() {
    }

    public static String render(Collection<ConfigKey> keys) {
        Map<String, Map<String, ConfigKey>> groups = new TreeMap<>();
        for (ConfigKey key : keys) {
            groups.computeIfAbsent(group(key.name()), g -> new TreeMap<>()).put(key.name(), key);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Quarry site configuration, read by every quarry command and daemon from the configuration\n");
        out.append("# directory (--conf DIR, $QUARRY_CONF_DIR, or $QUARRY_HOME/conf).\n");
        out.append("#\n");
        out.append("# Every key Quarry knows is listed below, commented out, with its default value. Uncomment a line\n");
        out.append("# to change a setting. -Dkey=value on the command line overrides this file. Sizes take units\n");
        out.append("# (64k, 128m, 1g) and durations too (100ms, 30s, 5m, 1h); the description says the unit of a\n");
        out.append("# bare number where it matters. Misspelt keys are reported as warnings when a command starts.\n");
        out.append("#\n");
        out.append("# This list is generated from the code: quarry conf-template > conf/quarry-site.properties\n");
        for (Map.Entry<String, Map<String, ConfigKey>> group : groups.entrySet()) {
            out.append("\n# ---- ").append(group.getKey()).append(" ----\n");
            for (ConfigKey key : group.getValue().values()) {
                out.append("\n# ").append(key.description()).append(" [").append(key.type().name().toLowerCase(java.util.Locale.ROOT));
                out.append(key.defaultValue() == null ? ", no default" : "").append("]\n");
                out.append('#').append(key.name()).append('=').append(key.defaultValue() == null ? "" : key.defaultValue()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code quarry.rpc.timeout} → {@code quarry.rpc}; {@code dfs.replication} → {@code dfs}. */
    static String group(String name) {
        String[] parts = name.split("\\.");
        if (parts.length >= 3 && parts[0].equals("quarry")) {
            return parts[0] + "." + parts[1];
        }
        return parts[0];
    }
}
