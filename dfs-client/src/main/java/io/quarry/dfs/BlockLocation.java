package io.quarry.dfs;

import java.util.List;

/**
 * Where a range of a file is stored: the hosts (names as DataNodes registered them) and their
 * racks. Input formats use it to place tasks on the nodes that hold their data.
 */
public record BlockLocation(long offset, long length, List<String> hosts, List<String> racks) {
    public BlockLocation {
        hosts = List.copyOf(hosts);
        racks = List.copyOf(racks);
    }
}
