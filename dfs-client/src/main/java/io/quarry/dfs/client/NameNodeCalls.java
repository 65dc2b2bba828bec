package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.time.Clock;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.client.ha.NameNodeLocator;
import io.quarry.dfs.client.ha.ZkNameNodeLocator;

/**
 * Calls to the NameNode outside a {@link QfsFileSystem} (admin tools: reports, safe mode, fsck),
 * through the same client and failover as the file system: with a {@link ZkNameNodeLocator} a call
 * goes to the active NameNode and is retried on the new active across a failover, up to
 * {@code quarry.client.failover.timeout}.
 */
public final class NameNodeCalls implements AutoCloseable {
    private final RpcClient rpc;
    private final NameNodeClient client;
    private final NameNodeLocator locator;

    private NameNodeCalls(RpcClient rpc, NameNodeLocator locator, Configuration conf) {
        this.rpc = requireNonNull(rpc, "rpc is null");
        this.locator = requireNonNull(locator, "locator is null");
        this.client = new NameNodeClient(rpc, locator, Clock.system(), conf.getDuration(DfsConfigKeys.CLIENT_FAILOVER_TIMEOUT),
                conf.getDuration(DfsConfigKeys.CLIENT_FAILOVER_CALL_TIMEOUT), conf.getDuration(DfsConfigKeys.CLIENT_FAILOVER_SLEEP_MAX));
    }

    /** Calls through {@code locator} (closed with the returned object) with an RPC client named {@code name}. */
    public static NameNodeCalls open(String name, Configuration conf, NameNodeLocator locator) {
        requireNonNull(locator, "locator is null");
        return new NameNodeCalls(new RpcClient(requireNonNull(name, "name is null"), requireNonNull(conf, "conf is null")), locator, conf);
    }

    /** Calls the active NameNode of the HA cluster whose ZooKeeper quorum {@code conf} names. */
    public static NameNodeCalls toActive(String name, Configuration conf) throws IOException {
        HaSettings ha = HaSettings.from(conf);
        if (!ha.enabled()) {
            throw new IOException("No ZooKeeper quorum is configured (ha.zookeeper.quorum), so there is no active NameNode to find");
        }
        return open(name, conf, ZkNameNodeLocator.connect(ha));
    }

    /** The NameNode calls go to now (for messages); with HA, the last known active. */
    public String address() {
        return client.address();
    }

    /** Whether calls follow the active NameNode across failovers. */
    public boolean followsFailover() {
        return locator.followsFailover();
    }

    /** Sends {@code request}; a FILE_NOT_FOUND refusal becomes {@link java.io.FileNotFoundException}, others stay QuarryExceptions. */
    public <T> T call(Object request, Class<T> replyType) throws IOException {
        return client.call(request, replyType);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            rpc.close();
        }
    }
}
