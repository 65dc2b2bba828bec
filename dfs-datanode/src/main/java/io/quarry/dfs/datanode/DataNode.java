package io.quarry.dfs.datanode;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.common.fault.FaultHandler;
import io.quarry.common.fault.LoggingFaultHandler;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.time.Clock;
import io.quarry.dfs.protocol.DatanodeId;

/** PLACEHOLDER API: the DataNode daemon. Replaced by the real implementation. */
public final class DataNode implements Daemon {
    public static DataNode start(Configuration conf) throws IOException {
        return start(conf, Clock.system(), new LoggingFaultHandler("datanode"));
    }

    public static DataNode start(Configuration conf, Clock clock, FaultHandler faultHandler) throws IOException {
        throw new UnsupportedOperationException("placeholder");
    }

    public DatanodeId id() {
        throw new UnsupportedOperationException("placeholder");
    }

    public HostAndPort transferAddress() {
        throw new UnsupportedOperationException("placeholder");
    }

    public HostAndPort httpAddress() {
        throw new UnsupportedOperationException("placeholder");
    }

    /** The on-disk block file of a finalized replica, or null; tests use it to corrupt replicas. */
    public java.nio.file.Path blockFile(long blockId) {
        throw new UnsupportedOperationException("placeholder");
    }

    public List<java.nio.file.Path> dataDirectories() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public String role() {
        return "datanode";
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        return Map.of("data", transferAddress(), "http", httpAddress());
    }

    @Override
    public void close() {
    }

    public static void main(String[] args) {
        System.exit(DaemonRunner.run("datanode", args, DataNode::start));
    }
}
