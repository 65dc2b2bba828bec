package io.quarry.common.conf;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * An immutable set of configuration values: {@code conf/quarry-site.properties} overlaid with
 * {@code -Dkey=value} options. Values are read through {@link ConfigKey}s, which supply the
 * defaults; a value that does not parse fails with a message naming the key and the value.
 */
public final class Configuration {
    /** The file read from the configuration directory. */
    public static final String SITE_FILE = "quarry-site.properties";

    private final Map<String, String> values;

    private Configuration(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Configuration empty() {
        return new Configuration(Map.of());
    }

    public static Configuration of(Map<String, String> values) {
        return new Configuration(values);
    }

    /**
     * Reads {@code quarry-site.properties} from the directory (if the directory and file exist) and
     * applies the overrides on top.
     */
    public static Configuration load(Path confDir, Map<String, String> overrides) throws IOException {
        Map<String, String> values = new TreeMap<>();
        if (confDir != null) {
            Path site = confDir.resolve(SITE_FILE);
            if (Files.isRegularFile(site)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                for (String name : properties.stringPropertyNames()) {
                    values.put(name, properties.getProperty(name).trim());
                }
            }
        }
        values.putAll(overrides);
        return new Configuration(values);
    }

    /** Returns a copy with one value set. */
    public Configuration with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return new Configuration(copy);
    }

    public Configuration with(ConfigKey key, String value) {
        return with(key.name(), value);
    }

    /** Returns a copy with every given value set. */
    public Configuration withAll(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new Configuration(copy);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** The raw value, or null when unset. */
    public String get(String key) {
        return values.get(key);
    }

    public boolean isSet(ConfigKey key) {
        return values.containsKey(key.name());
    }

    public String getString(ConfigKey key) {
        return (String) typed(key, ConfigType.STRING);
    }

    public int getInt(ConfigKey key) {
        return (Integer) typed(key, ConfigType.INT);
    }

    public long getLong(ConfigKey key) {
        return (Long) typed(key, ConfigType.LONG);
    }

    public double getDouble(ConfigKey key) {
        return (Double) typed(key, ConfigType.DOUBLE);
    }

    public boolean getBoolean(ConfigKey key) {
        return (Boolean) typed(key, ConfigType.BOOLEAN);
    }

    public long getSize(ConfigKey key) {
        return (Long) typed(key, ConfigType.SIZE);
    }

    public Duration getDuration(ConfigKey key) {
        return (Duration) typed(key, ConfigType.DURATION);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(ConfigKey key) {
        return (List<String>) typed(key, ConfigType.LIST);
    }

    private Object typed(ConfigKey key, ConfigType expected) {
        if (key.type() != expected) {
            throw new IllegalArgumentException("Key " + key.name() + " is of type " + key.type() + ", not " + expected);
        }
        String text = values.getOrDefault(key.name(), key.defaultValue());
        if (text == null) {
            if (expected == ConfigType.LIST) {
                return List.of();
            }
            if (expected == ConfigType.STRING) {
                return null;
            }
            throw new ConfigException("Configuration key '" + key.name() + "' has no value and no default: expected "
                    + expected.name().toLowerCase(Locale.ROOT) + " value, set it in the configuration");
        }
        return ConfigValues.parse(key.name(), key.type(), text, key.bareUnit());
    }

    @Override
    public String toString() {
        return "Configuration" + values;
    }
}
