package io.quarry.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One partition of a table: a value for each partition column, in the table's partition-column
 * order, and the directory holding its files.
 */
public record PartitionDefinition(Map<String, String> values, String location) {
    public PartitionDefinition {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        requireNonNull(location, "location is null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A partition needs at least one partition-column value");
        }
    }

    /** Hive's partition name, {@code col1=v1/col2=v2}. */
    public String name() {
        return name(values);
    }

    /** Hive's partition name of {@code values}, in their iteration order. */
    public static String name(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("/"));
    }
}
