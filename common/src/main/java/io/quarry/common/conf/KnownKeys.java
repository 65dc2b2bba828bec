package io.quarry.common.conf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every key declared by the modules on the class path. */
public final class KnownKeys {
    private final Map<String, ConfigKey> keys;
    private final List<String> families;

    private KnownKeys(Map<String, ConfigKey> keys, List<String> families) {
        this.keys = Collections.unmodifiableMap(keys);
        this.families = List.copyOf(families);
    }

    public static KnownKeys load() {
        Map<String, ConfigKey> keys = new TreeMap<>();
        List<String> families = new ArrayList<>();
        for (ConfigKeyProvider provider : ServiceLoader.load(ConfigKeyProvider.class, KnownKeys.class.getClassLoader())) {
            for (ConfigKey key : provider.keys()) {
                ConfigKey previous = keys.putIfAbsent(key.name(), key);
                if (previous != null && !previous.equals(key)) {
                    throw new IllegalStateException("Configuration key " + key.name() + " is declared twice with different definitions");
                }
            }
            families.addAll(provider.keyFamilies());
        }
        return new KnownKeys(keys, families);
    }

    /** True for a declared key and for any key in a declared family. */
    public boolean contains(String name) {
        if (keys.containsKey(name)) {
            return true;
        }
        for (String family : families) {
            if (name.startsWith(family) && name.length() > family.length()) {
                return true;
            }
        }
        return false;
    }

    /** Prefixes under which every key is valid. */
    public List<String> families() {
        return families;
    }

    public ConfigKey get(String name) {
        return keys.get(name);
    }

    public Collection<ConfigKey> all() {
        return keys.values();
    }
}
