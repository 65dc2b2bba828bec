package io.quarry.dfs.client.ha;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;

import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.LeaderElection;
import io.quarry.common.ha.ZooKeeperClients;
import io.quarry.common.net.HostAndPort;

/**
 * The active NameNode as published in ZooKeeper ({@code /namenode/active} under the cluster's
 * namespace). The address is cached and watched, so a failover is noticed as soon as the new
 * active publishes itself; a call that failed on the cached address reads it again.
 */
public final class ZkNameNodeLocator implements NameNodeLocator {
    private static final String ROLE = "namenode";
    private static final String ACTIVE_PATH = "/" + ROLE + "/active";

    private final CuratorFramework client;
    private final CuratorCache watch;
    private final String quorum;
    private volatile Optional<HostAndPort> cached = Optional.empty();

    private ZkNameNodeLocator(CuratorFramework client, String quorum) {
        this.client = requireNonNull(client, "client is null");
        this.quorum = requireNonNull(quorum, "quorum is null");
        this.watch = CuratorCache.build(client, ACTIVE_PATH);
        watch.listenable().addListener((type, before, after) -> cached = Optional.empty());
        watch.start();
    }

    public static ZkNameNodeLocator connect(HaSettings settings) throws IOException {
        return new ZkNameNodeLocator(ZooKeeperClients.connect(settings), settings.quorum().orElseThrow());
    }

    @Override
    public Optional<HostAndPort> current() throws IOException {
        Optional<HostAndPort> known = cached;
        if (known.isPresent()) {
            return known;
        }
        try {
            Optional<HostAndPort> active = LeaderElection.activeAddress(client, ROLE).map(HostAndPort::parse);
            cached = active;
            return active;
        } catch (Exception e) {
            throw new IOException("Cannot read the active NameNode's address (" + ACTIVE_PATH + ") from ZooKeeper " + quorum
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void failed(HostAndPort address) {
        if (cached.isPresent() && cached.get().equals(address)) {
            cached = Optional.empty();
        }
    }

    @Override
    public boolean followsFailover() {
        return true;
    }

    @Override
    public void close() {
        watch.close();
        client.close();
    }

    @Override
    public String toString() {
        return "the active NameNode in ZooKeeper " + quorum;
    }
}
