package io.quarry.dfs.datanode.transfer;

import java.util.concurrent.ExecutorService;

import io.netty.channel.EventLoopGroup;
import io.quarry.dfs.datanode.metrics.DataNodeMetrics;
import io.quarry.dfs.datanode.storage.Dataset;

import static java.util.Objects.requireNonNull;

/**
 * What every transfer operation needs: storage, the disk executor, the event loops for peer
 * connections, reporting. {@code socketTimeoutMillis} bounds how long a pipeline node waits for
 * the next node's ack (times the nodes below it), so a frozen node is named before the client
 * gives up on the whole pipeline.
 */
public record TransferContext(String name, Dataset dataset, ExecutorService diskExecutor, EventLoopGroup eventLoops,
                              ReplicaEvents events, DataNodeMetrics metrics, boolean syncOnClose, int connectTimeoutMillis,
                              long socketTimeoutMillis) {
    public TransferContext {
        requireNonNull(name, "name is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(diskExecutor, "diskExecutor is null");
        requireNonNull(eventLoops, "eventLoops is null");
        requireNonNull(events, "events is null");
        requireNonNull(metrics, "metrics is null");
    }
}
