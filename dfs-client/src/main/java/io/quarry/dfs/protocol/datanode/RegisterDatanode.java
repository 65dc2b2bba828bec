package io.quarry.dfs.protocol.datanode;

import io.quarry.dfs.protocol.DatanodeId;

/**
 * A DataNode announces itself (at start, and whenever a heartbeat reply asks it to). Answered with
 * {@link RegistrationReply}; a full {@link BlockReport} follows.
 */
public record RegisterDatanode(DatanodeId id, long capacity, String softwareVersion) {
}
