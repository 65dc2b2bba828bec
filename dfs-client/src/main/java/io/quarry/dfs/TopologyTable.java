package io.quarry.dfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Host → rack, from a {@code net.topology.table.file.name} file of "host /rack" lines ({@code #}
 * starts a comment); unknown hosts are in {@link #DEFAULT_RACK}. The NameNode places replicas and
 * the Worker reports its rack from the same table.
 */
public final class TopologyTable {
    public static final String DEFAULT_RACK = "/default-rack";

    private final Map<String, String> racks;

    public TopologyTable(Map<String, String> racks) {
        this.racks = Map.copyOf(racks);
    }

    /** The table in {@code tableFile}; an empty table (everything in the default rack) when it is null or blank. */
    public static TopologyTable load(String tableFile) throws IOException {
        if (tableFile == null || tableFile.isBlank()) {
            return new TopologyTable(Map.of());
        }
        Path file = Path.of(tableFile);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> racks = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IOException(file + " line " + (i + 1) + ": expected 'host /rack', got '" + line + "'");
            }
            racks.put(parts[0], parts[1]);
        }
        return new TopologyTable(racks);
    }

    /** The rack of {@code host}, or {@link #DEFAULT_RACK} when the table does not list it. */
    public String rackOf(String host) {
        return racks.getOrDefault(host, DEFAULT_RACK);
    }

    /** Every listed host and its rack. */
    public Map<String, String> racks() {
        return racks;
    }
}
