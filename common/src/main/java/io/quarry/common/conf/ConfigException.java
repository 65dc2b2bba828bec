package io.quarry.common.conf;

/** A configuration value that cannot be used; the message names the key, the value and what is allowed. */
public class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }
}
