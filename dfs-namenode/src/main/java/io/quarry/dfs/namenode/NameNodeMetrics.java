package io.quarry.dfs.namenode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.quarry.common.metrics.Counter;
import io.quarry.common.metrics.MetricsRegistry;

/** The NameNode's metrics: operation counters and gauges over the latest {@link NameNodeStats}. */
public final class NameNodeMetrics {
    private final MetricsRegistry registry = new MetricsRegistry();
    private final Map<String, Counter> ops = new ConcurrentHashMap<>();
    private final Counter failedOps;

    public NameNodeMetrics(Supplier<NameNodeStats> stats, LongSupplier journalSyncs, LongSupplier checkpoints) {
        gauge("quarry_namenode_files", "Files in the namespace", () -> stats.get().files());
        gauge("quarry_namenode_directories", "Directories in the namespace", () -> stats.get().directories());
        gauge("quarry_namenode_blocks", "Blocks in the namespace", () -> stats.get().blocks());
        gauge("quarry_namenode_datanodes_live", "Live DataNodes", () -> stats.get().liveDatanodes());
        gauge("quarry_namenode_datanodes_dead", "Dead DataNodes", () -> stats.get().deadDatanodes());
        gauge("quarry_namenode_blocks_under_replicated", "Blocks with fewer good replicas than their target, as of the last replication round",
                () -> stats.get().underReplicated());
        gauge("quarry_namenode_replications_pending", "Re-replication copies ordered and not yet reported",
                () -> stats.get().pendingReplications());
        gauge("quarry_namenode_leases", "Clients holding leases", () -> stats.get().leases());
        gauge("quarry_namenode_safe_mode", "1 while in safe mode", () -> stats.get().safeMode() ? 1 : 0);
        gauge("quarry_namenode_journal_last_txid", "Last journal transaction appended", () -> stats.get().lastTxid());
        gauge("quarry_namenode_journal_syncs", "Journal fsyncs (group commits)", journalSyncs);
        gauge("quarry_namenode_checkpoints", "Checkpoints written since start", checkpoints);
        failedOps = registry.counter("quarry_namenode_ops_failed_total", "Operations that failed");
    }

    private void gauge(String name, String help, LongSupplier value) {
        registry.gauge(name, help, value);
    }

    /** Counts one call of an operation (by message name). */
    public void op(String name) {
        Counter counter = ops.computeIfAbsent(name, n -> registry.counter(
                "quarry_namenode_op_" + n.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + "_total", "Calls of " + n));
        counter.inc();
    }

    public void failed() {
        failedOps.inc();
    }

    public MetricsRegistry registry() {
        return registry;
    }

    public Long value(String name) {
        return registry.value(name);
    }
}
