package io.quarry.dfs.datanode.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The newest NameNode epoch this DataNode has taken commands from. Commands of an older epoch come
 * from a deposed active that has not noticed yet, and are dropped.
 */
final class CommandEpochs {
    private final AtomicLong newest = new AtomicLong();

    /** True when commands of {@code epoch} may run (it is the newest seen, or newer). */
    boolean admit(long epoch) {
        return newest.accumulateAndGet(epoch, Math::max) == epoch;
    }

    long newest() {
        return newest.get();
    }
}
