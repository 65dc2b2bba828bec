package io.quarry.dfs.namenode;

import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;
import io.quarry.dfs.namenode.namespace.GroupResolver;

/** Keys only the NameNode reads (the shared ones are in {@code DfsConfigKeys}). */
public final class NameNodeConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey MONITOR_INTERVAL = ConfigKey.duration("quarry.namenode.monitor.interval", "100ms", ChronoUnit.MILLIS,
            "How often the NameNode runs its monitors (dead DataNodes, safe mode, replication, leases, checkpoints).");

    public static final ConfigKey JOURNAL_SYNC = ConfigKey.bool("quarry.namenode.journal.sync", true,
            "Whether the journal is fsynced before a metadata change is acknowledged. false is for benchmarks and scratch "
                    + "clusters only: a crash of the machine can lose acknowledged changes (like MiniDFSCluster's skipFsyncForTesting).");

    @Override
    public List<ConfigKey> keys() {
        return List.of(MONITOR_INTERVAL, JOURNAL_SYNC);
    }

    /** {@code quarry.security.groups.<user>=g1,g2}: a user's groups, instead of asking the OS. */
    @Override
    public List<String> keyFamilies() {
        return List.of(GroupResolver.STATIC_PREFIX);
    }
}
