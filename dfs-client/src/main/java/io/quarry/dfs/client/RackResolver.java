package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.DatanodeInfo;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetDatanodeReport;

/**
 * The rack of each DataNode, learned from the NameNode's DataNode report and cached; the report is
 * fetched again only when a DataNode the cache does not know shows up.
 */
final class RackResolver {
    static final String DEFAULT_RACK = "/default-rack";
    private static final Logger LOG = LoggerFactory.getLogger(RackResolver.class);

    private final NameNodeClient nameNode;
    private final Map<String, String> racksByUuid = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    RackResolver(NameNodeClient nameNode) {
        this.nameNode = requireNonNull(nameNode, "nameNode is null");
    }

    String rackOf(DatanodeId node) {
        String rack = racksByUuid.get(node.uuid());
        if (rack == null && !unavailable) {
            refresh();
            rack = racksByUuid.get(node.uuid());
        }
        return rack == null ? DEFAULT_RACK : rack;
    }

    private synchronized void refresh() {
        try {
            DatanodeReport report = nameNode.call(new GetDatanodeReport(), DatanodeReport.class);
            for (DatanodeInfo info : report.datanodes()) {
                racksByUuid.put(info.id().uuid(), info.rack());
            }
        } catch (IOException e) {
            LOG.info("Cannot learn DataNode racks from {} ({}); reporting {} for every host", nameNode.address(), e.getMessage(),
                    DEFAULT_RACK);
            unavailable = true;
        }
    }
}
