package io.quarry.common.rpc;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;

/** One {@link RpcClient} connection: the channel once connected, and the calls waiting for an answer on it. */
final class RpcConnection {
    final HostAndPort address;
    final CompletableFuture<Channel> ready = new CompletableFuture<>();
    final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    /** Closed by the client because it was idle; a write that fails on it was never sent. */
    volatile boolean retired;

    RpcConnection(HostAndPort address) {
        this.address = address;
    }

    /** Still connecting, or connected and open. */
    boolean usable() {
        if (!ready.isDone()) {
            return true;
        }
        Channel channel = ready.getNow(null);
        return channel != null && channel.isActive();
    }

    void failAll(QuarryException error) {
        for (Long callId : pending.keySet()) {
            CompletableFuture<Object> future = pending.remove(callId);
            if (future != null) {
                future.completeExceptionally(error);
            }
        }
    }
}
