package io.quarry.dfs.protocol.datanode;

import io.quarry.dfs.protocol.Block;

/** The DataNode found its own replica corrupt (block scanner, failed checksum on read or copy). Answered with Ack. */
public record ReportCorruptReplica(String datanodeUuid, Block block, String reason) {
}
