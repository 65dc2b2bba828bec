package io.quarry.common.conf;

/** The kind of value a key holds; decides how its text is parsed and checked. */
public enum ConfigType {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    /** A byte count with an optional binary unit: {@code 512}, {@code 64k}, {@code 128m}, {@code 1g}. */
    SIZE,
    /** A duration with a unit: {@code 500ms}, {@code 3s}, {@code 10m}, {@code 1h}; a bare number uses the key's unit. */
    DURATION,
    /** Comma-separated strings. */
    LIST
}
