package io.quarry.sql.exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.catalog.PartitionDefinition;

/**
 * The chosen partitions of a scan as the tasks see them: each partition's location and its name
 * ({@code col=value/...}, values escaped as Hive escapes directory names), carried in
 * {@code quarry.sql.input.partition.locations}. A file under one of these locations takes its
 * partition values from the name, wherever the partition's directory is.
 */
final class PartitionLocations {
    private record Entry(String directory, String name) {
    }

    private final List<Entry> entries;

    private PartitionLocations(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The configuration value listing {@code partitions}. */
    static String setting(List<PartitionDefinition> partitions) {
        return partitions.stream().map(p -> escapedName(p.values()) + ":" + p.location()).collect(Collectors.joining(","));
    }

    static PartitionLocations fromConfiguration(Configuration conf) {
        List<Entry> entries = new ArrayList<>();
        for (String item : conf.getList(SqlConfigKeys.INPUT_PARTITION_LOCATIONS)) {
            if (item.isBlank()) {
                continue;
            }
            int colon = item.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(SqlConfigKeys.INPUT_PARTITION_LOCATIONS.name() + ": entry '" + item
                        + "' is not <partition name>:<location>");
            }
            entries.add(new Entry(directoryOf(new Path(item.substring(colon + 1))), item.substring(0, colon)));
        }
        return new PartitionLocations(entries);
    }

    /** The escaped partition name of the chosen partition holding {@code file}, or null if none does. */
    String nameFor(Path file) {
        String path = file.path();
        for (Entry entry : entries) {
            if (path.startsWith(entry.directory())) {
                return entry.name();
            }
        }
        return null;
    }

    private static String directoryOf(Path location) {
        String path = location.path();
        return path.endsWith("/") ? path : path + "/";
    }

    private static String escapedName(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + escape(e.getValue())).collect(Collectors.joining("/"));
    }

    /** Hive's FileUtils.escapePathName for the characters that matter here. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x20 || c == '%' || c == ',' || c == '/' || c == '=' || c == ':' || c == 0x7f) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
