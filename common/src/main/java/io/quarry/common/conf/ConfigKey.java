package io.quarry.common.conf;

import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * One configuration key: its name, type, default and meaning. Every key Quarry reads is declared
 * once as a constant of this type, so defaults live in one place and misspelt keys can be found.
 *
 * @param bareUnit for {@link ConfigType#DURATION}, the unit of a number written without one
 *                 (Hadoop's keys use seconds or milliseconds depending on the key)
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, String description, ChronoUnit bareUnit) {
    public ConfigKey {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        requireNonNull(bareUnit, "bareUnit is null");
        if (defaultValue != null) {
            ConfigValues.parse(name, type, defaultValue, bareUnit);
        }
    }

    public static ConfigKey string(String name, String defaultValue, String description) {
        return new ConfigKey(name, ConfigType.STRING, defaultValue, description, ChronoUnit.MILLIS);
    }

    public static ConfigKey integer(String name, int defaultValue, String description) {
        return new ConfigKey(name, ConfigType.INT, Integer.toString(defaultValue), description, ChronoUnit.MILLIS);
    }

    public static ConfigKey longValue(String name, long defaultValue, String description) {
        return new ConfigKey(name, ConfigType.LONG, Long.toString(defaultValue), description, ChronoUnit.MILLIS);
    }

    public static ConfigKey doubleValue(String name, double defaultValue, String description) {
        return new ConfigKey(name, ConfigType.DOUBLE, Double.toString(defaultValue), description, ChronoUnit.MILLIS);
    }

    public static ConfigKey bool(String name, boolean defaultValue, String description) {
        return new ConfigKey(name, ConfigType.BOOLEAN, Boolean.toString(defaultValue), description, ChronoUnit.MILLIS);
    }

    public static ConfigKey size(String name, String defaultValue, String description) {
        return new ConfigKey(name, ConfigType.SIZE, defaultValue, description, ChronoUnit.MILLIS);
    }

    public static ConfigKey duration(String name, String defaultValue, ChronoUnit bareUnit, String description) {
        return new ConfigKey(name, ConfigType.DURATION, defaultValue, description, bareUnit);
    }

    public static ConfigKey list(String name, String defaultValue, String description) {
        return new ConfigKey(name, ConfigType.LIST, defaultValue, description, ChronoUnit.MILLIS);
    }
}
