package io.quarry.common.conf;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every key declared by the modules on the class path. */
public final class KnownKeys {
    private final Map<String, ConfigKey> keys;

    private KnownKeys(Map<String, ConfigKey> keys) {
        this.keys = Collections.unmodifiableMap(keys);
    }

    public static KnownKeys load() {
        Map<String, ConfigKey> keys = new TreeMap<>();
        for (ConfigKeyProvider provider : ServiceLoader.load(ConfigKeyProvider.class, KnownKeys.class.getClassLoader())) {
            for (ConfigKey key : provider.keys()) {
                ConfigKey previous = keys.putIfAbsent(key.name(), key);
                if (previous != null && !previous.equals(key)) {
                    throw new IllegalStateException("Configuration key " + key.name() + " is declared twice with different definitions");
                }
            }
        }
        return new KnownKeys(keys);
    }

    public boolean contains(String name) {
        return keys.containsKey(name);
    }

    public ConfigKey get(String name) {
        return keys.get(name);
    }

    public Collection<ConfigKey> all() {
        return keys.values();
    }
}
