package io.quarry.sql.format;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a table's lines are read: the kind of format and its properties, under Hive's property
 * names ({@code field.delim} for DELIMITED, {@code input.regex} for REGEX).
 */
public record TableFormat(Kind kind, Map<String, String> properties) {
    public static final String FIELD_DELIM = "field.delim";
    public static final String INPUT_REGEX = "input.regex";
    /** The SerDe class name Hive DDL names for the REGEX kind. */
    public static final String REGEX_SERDE_CLASS = "org.apache.hadoop.hive.serde2.RegexSerDe";

    public enum Kind {
        DELIMITED, REGEX, JSON
    }

    public TableFormat {
        requireNonNull(kind, "kind is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
        if (kind == Kind.REGEX && !properties.containsKey(INPUT_REGEX)) {
            throw new IllegalArgumentException("RegexSerDe needs the property '" + INPUT_REGEX + "'");
        }
        String delim = properties.get(FIELD_DELIM);
        if (kind == Kind.DELIMITED && delim != null && delim.isEmpty()) {
            throw new IllegalArgumentException("'" + FIELD_DELIM + "' is empty");
        }
    }

    public static TableFormat delimited(char delimiter) {
        return new TableFormat(Kind.DELIMITED, Map.of(FIELD_DELIM, String.valueOf(delimiter)));
    }

    public static TableFormat regex(String regex) {
        return new TableFormat(Kind.REGEX, Map.of(INPUT_REGEX, regex));
    }

    public static TableFormat json() {
        return new TableFormat(Kind.JSON, Map.of());
    }

    /** The DELIMITED field separator: the first character of {@code field.delim}, default Ctrl-A. */
    public char fieldDelimiter() {
        String delim = properties.get(FIELD_DELIM);
        return delim == null ? DelimitedRowDeserializer.DEFAULT_DELIMITER : delim.charAt(0);
    }
}
