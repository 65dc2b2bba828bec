package io.quarry.dfs.protocol.datanode;

/** The cluster the DataNode joined; a DataNode refuses to serve a cluster other than the one its storage belongs to. */
public record RegistrationReply(String clusterId) {
}
