package io.quarry.dfs.namenode.datanodes;

import java.io.IOException;
import java.util.Map;

import io.quarry.dfs.TopologyTable;

/** Host → rack, from a {@code net.topology.table.file.name} file of "host rack" lines; unknown hosts are in /default-rack. */
public final class Topology {
    public static final String DEFAULT_RACK = TopologyTable.DEFAULT_RACK;

    private final TopologyTable table;

    public Topology(Map<String, String> racks) {
        this(new TopologyTable(racks));
    }

    private Topology(TopologyTable table) {
        this.table = table;
    }

    /** Parsed by {@link TopologyTable}, which the Worker reads too. */
    public static Topology load(String tableFile) throws IOException {
        return new Topology(TopologyTable.load(tableFile));
    }

    public String rackOf(String host) {
        return table.rackOf(host);
    }
}
