package io.quarry.common.ha;

import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;

/** Keys of master high availability through ZooKeeper, and of the standalone server {@code quarry zookeeper}. */
public final class HaConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey QUORUM = ConfigKey.string("ha.zookeeper.quorum", null,
            "ZooKeeper servers as host:port,host:port,...; unset or empty means no HA (single masters, local file journal).");
    public static final ConfigKey SESSION_TIMEOUT = ConfigKey.duration("ha.zookeeper.session-timeout.ms", "5s", ChronoUnit.MILLIS,
            "ZooKeeper session timeout; a master that loses its session for this long loses leadership (bare numbers are ms).");
    public static final ConfigKey CLUSTER_ID = ConfigKey.string("quarry.ha.cluster-id", "quarry",
            "Names this cluster in ZooKeeper: its nodes live under /quarry/<cluster id>, so clusters can share a quorum.");
    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.duration("quarry.ha.zookeeper.connect-timeout", "15s", ChronoUnit.MILLIS,
            "How long a process waits for the ZooKeeper quorum at start before failing (bare numbers are ms).");
    public static final ConfigKey ZOOKEEPER_DATA_DIR = ConfigKey.string("quarry.zookeeper.data.dir", null,
            "Snapshots and transaction log of 'quarry zookeeper'; <java.io.tmpdir>/quarry-zookeeper when unset.");
    public static final ConfigKey ZOOKEEPER_CLIENT_PORT = ConfigKey.integer("quarry.zookeeper.client.port", 2181,
            "Port 'quarry zookeeper' serves clients on (0 picks a free one).");
    public static final ConfigKey ZOOKEEPER_BIND_HOST = ConfigKey.string("quarry.zookeeper.bind-host", "0.0.0.0",
            "Address 'quarry zookeeper' binds to.");
    public static final ConfigKey ZOOKEEPER_TICK_TIME = ConfigKey.duration("quarry.zookeeper.tick-time", "2s", ChronoUnit.MILLIS,
            "ZooKeeper's tickTime for 'quarry zookeeper': sessions may last 2 to 20 ticks (bare numbers are ms).");

    @Override
    public List<ConfigKey> keys() {
        return List.of(QUORUM, SESSION_TIMEOUT, CLUSTER_ID, CONNECT_TIMEOUT, ZOOKEEPER_DATA_DIR, ZOOKEEPER_CLIENT_PORT,
                ZOOKEEPER_BIND_HOST, ZOOKEEPER_TICK_TIME);
    }
}
