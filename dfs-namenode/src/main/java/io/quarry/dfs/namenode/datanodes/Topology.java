package io.quarry.dfs.namenode.datanodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Host → rack, from a {@code net.topology.table.file.name} file of "host rack" lines; unknown hosts are in /default-rack. */
public final class Topology {
    public static final String DEFAULT_RACK = "/default-rack";

    private final Map<String, String> racks;

    public Topology(Map<String, String> racks) {
        this.racks = Map.copyOf(racks);
    }

    public static Topology load(String tableFile) throws IOException {
        if (tableFile == null || tableFile.isBlank()) {
            return new Topology(Map.of());
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
        return new Topology(racks);
    }

    public String rackOf(String host) {
        return racks.getOrDefault(host, DEFAULT_RACK);
    }
}
