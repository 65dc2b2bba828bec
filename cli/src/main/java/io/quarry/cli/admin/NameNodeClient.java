package io.quarry.cli.admin;

import java.io.IOException;
import java.net.URI;

import io.quarry.cli.dfs.ShellError;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.client.NameNodeCalls;
import io.quarry.dfs.client.ha.NameNodeLocator;

import static java.util.Objects.requireNonNull;

/**
 * Sends admin requests to the NameNode. With {@code ha.zookeeper.quorum} set, that is the active
 * NameNode as published in ZooKeeper, found and followed across failovers by the same client the
 * file system uses ({@link NameNodeCalls}); otherwise the NameNode named by
 * {@code dfs.namenode.rpc-address}, or else by the host and port of {@code fs.defaultFS}. A refused
 * connection says how to start a cluster.
 */
final class NameNodeClient implements AutoCloseable {
    static final int DEFAULT_PORT = 8020;

    private final NameNodeCalls calls;

    NameNodeClient(String name, Configuration conf) throws IOException {
        requireNonNull(conf, "conf is null");
        this.calls = HaSettings.from(conf).enabled()
                ? NameNodeCalls.toActive(name, conf)
                : NameNodeCalls.open(name, conf, NameNodeLocator.fixed(address(conf)));
    }

    static HostAndPort address(Configuration conf) {
        String configured = conf.getString(DfsConfigKeys.NAMENODE_RPC_ADDRESS);
        if (configured != null && !configured.isBlank()) {
            return HostAndPort.parse(configured.trim());
        }
        String defaultFs = conf.getString(DfsConfigKeys.DEFAULT_FS);
        URI uri = URI.create(defaultFs);
        if (!"qfs".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("fs.defaultFS is '" + defaultFs + "', which names no QFS NameNode; "
                    + "set fs.defaultFS=qfs://host:port or dfs.namenode.rpc-address=host:port");
        }
        return new HostAndPort(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
    }

    /** The NameNode called (with HA, the last known active). */
    String address() {
        return calls.address();
    }

    <T> T call(Object request, Class<T> replyType) throws IOException {
        try {
            return calls.call(request, replyType);
        } catch (QuarryException e) {
            if (!calls.followsFailover() && e.code() == ErrorCode.UNAVAILABLE && e.getMessage() != null
                    && e.getMessage().startsWith("Cannot connect")) {
                throw new QuarryException(e.code(), e.getMessage() + ShellError.NOT_RUNNING_HINT, e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        calls.close();
    }
}
