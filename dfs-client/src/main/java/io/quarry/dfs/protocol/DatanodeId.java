package io.quarry.dfs.protocol;

import io.quarry.common.net.HostAndPort;

import static java.util.Objects.requireNonNull;

/**
 * Names a DataNode: a uuid that survives restarts (kept in its storage directory), the host it
 * is reached at, its data transfer port and its HTTP status port.
 */
public record DatanodeId(String uuid, String host, int dataPort, int httpPort) {
    public DatanodeId {
        requireNonNull(uuid, "uuid is null");
        requireNonNull(host, "host is null");
    }

    public HostAndPort transferAddress() {
        return new HostAndPort(host, dataPort);
    }

    @Override
    public String toString() {
        return host + ":" + dataPort;
    }
}
