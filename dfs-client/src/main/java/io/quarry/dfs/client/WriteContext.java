package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBufAllocator;
import io.quarry.common.time.Clock;

/** What every reader and writer of one client shares: the NameNode, the DataNode connector, settings and clock. */
record WriteContext(NameNodeClient nameNode, DataNodeConnector connector, ClientSettings settings, ByteBufAllocator allocator,
                    Clock clock, String clientHost, ShortCircuitReads shortCircuitReads) {
    WriteContext {
        requireNonNull(nameNode, "nameNode is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(clientHost, "clientHost is null");
        requireNonNull(shortCircuitReads, "shortCircuitReads is null");
    }

    String clientName() {
        return nameNode.clientName();
    }
}
