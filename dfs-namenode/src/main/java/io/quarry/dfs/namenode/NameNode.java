package io.quarry.dfs.namenode;

import java.io.IOException;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.common.fault.FaultHandler;
import io.quarry.common.fault.LoggingFaultHandler;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.time.Clock;

/** PLACEHOLDER API: the NameNode daemon. Replaced by the real implementation. */
public final class NameNode implements Daemon {
    public static NameNode start(Configuration conf) throws IOException {
        return start(conf, Clock.system(), new LoggingFaultHandler("namenode"));
    }

    public static NameNode start(Configuration conf, Clock clock, FaultHandler faultHandler) throws IOException {
        throw new UnsupportedOperationException("placeholder");
    }

    public HostAndPort rpcAddress() {
        throw new UnsupportedOperationException("placeholder");
    }

    public HostAndPort httpAddress() {
        throw new UnsupportedOperationException("placeholder");
    }

    public boolean isInSafeMode() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public String role() {
        return "namenode";
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        return Map.of("rpc", rpcAddress(), "http", httpAddress());
    }

    @Override
    public void close() {
    }

    public static void main(String[] args) {
        System.exit(DaemonRunner.run("namenode", args, NameNode::start));
    }
}
