package io.quarry.dfs.datanode.metrics;

import io.quarry.common.metrics.Counter;
import io.quarry.common.metrics.MetricsRegistry;

import static java.util.Objects.requireNonNull;

/** The DataNode's counters, registered in its {@link MetricsRegistry}. */
public final class DataNodeMetrics {
    private final MetricsRegistry registry;
    public final Counter bytesWritten;
    public final Counter bytesRead;
    public final Counter blocksWritten;
    public final Counter blocksRead;
    public final Counter localReadsGranted;
    public final Counter blocksReplicated;
    public final Counter blocksDeleted;
    public final Counter checksumFailures;
    public final Counter corruptReplicas;
    public final Counter blocksScanned;
    public final Counter transferErrors;

    public DataNodeMetrics(MetricsRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
        bytesWritten = registry.counter("quarry_datanode_bytes_written_total", "Bytes written to replicas.");
        bytesRead = registry.counter("quarry_datanode_bytes_read_total", "Bytes sent to readers.");
        blocksWritten = registry.counter("quarry_datanode_blocks_written_total", "Replicas finalized after a write or copy.");
        blocksRead = registry.counter("quarry_datanode_blocks_read_total", "Block reads served.");
        localReadsGranted = registry.counter("quarry_datanode_local_reads_granted_total",
                "Short-circuit reads granted: a client on this host was told where a replica's files are.");
        blocksReplicated = registry.counter("quarry_datanode_blocks_replicated_total", "Replicas copied to other DataNodes.");
        blocksDeleted = registry.counter("quarry_datanode_blocks_deleted_total", "Replicas deleted.");
        checksumFailures = registry.counter("quarry_datanode_checksum_failures_total", "Checksum mismatches seen on write, read or scan.");
        corruptReplicas = registry.counter("quarry_datanode_corrupt_replicas_total", "Replicas found corrupt and reported.");
        blocksScanned = registry.counter("quarry_datanode_blocks_scanned_total", "Replicas verified by the block scanner.");
        transferErrors = registry.counter("quarry_datanode_transfer_errors_total", "Transfer connections closed on an error.");
    }

    public MetricsRegistry registry() {
        return registry;
    }
}
