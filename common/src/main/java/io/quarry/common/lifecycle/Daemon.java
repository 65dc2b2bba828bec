package io.quarry.common.lifecycle;

import java.util.Map;

import io.quarry.common.net.HostAndPort;

/** A long-running Quarry process role (NameNode, DataNode, ...), started by its own static factory. */
public interface Daemon extends AutoCloseable {
    /** The role name, e.g. {@code namenode}. */
    String role();

    /** The addresses the daemon serves on, by name ({@code rpc}, {@code http}, {@code data}). */
    Map<String, HostAndPort> addresses();

    /** Stops gracefully, in reverse start order; never throws. */
    @Override
    void close();
}
