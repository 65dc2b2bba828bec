package io.quarry.dfs.datanode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarry.common.conf.Configuration;
import io.quarry.common.fault.LoggingFaultHandler;
import io.quarry.common.testing.Await;
import io.quarry.common.time.Clock;
import io.quarry.dfs.DfsConfigKeys;

/** A fake NameNode and DataNodes on their own 127.0.0.x addresses, each with its own data directory. */
final class TestCluster implements AutoCloseable {
    final FakeNameNode nameNode;
    final List<DataNode> dataNodes = new ArrayList<>();
    final List<LoggingFaultHandler> faults = new ArrayList<>();
    private final Path baseDir;
    private final java.util.Map<String, String> overrides;

    TestCluster(Path baseDir, int count) throws IOException {
        this(baseDir, count, java.util.Map.of());
    }

    TestCluster(Path baseDir, int count, java.util.Map<String, String> overrides) throws IOException {
        this.baseDir = baseDir;
        this.overrides = overrides;
        this.nameNode = new FakeNameNode();
        for (int i = 0; i < count; i++) {
            dataNodes.add(null);
            faults.add(null);
            restart(i);
        }
    }

    Configuration conf(int index) {
        return Configuration.empty()
                .with(DfsConfigKeys.DATANODE_DATA_DIR, baseDir.resolve("dn" + index).toString())
                .with(DfsConfigKeys.DATANODE_ADDRESS, "127.0.0." + (2 + index) + ":0")
                .with(DfsConfigKeys.DATANODE_HTTP_ADDRESS, "127.0.0." + (2 + index) + ":0")
                .with(DfsConfigKeys.NAMENODE_RPC_ADDRESS, nameNode.address().toString())
                .with(DfsConfigKeys.HEARTBEAT_INTERVAL, "100ms")
                .with(DfsConfigKeys.DATANODE_HANDLER_THREADS, "8")
                .with("quarry.rpc.timeout", "5s")
                .withAll(overrides);
    }

    /** Starts (or starts again) DataNode {@code index} on its data directory. */
    DataNode restart(int index) throws IOException {
        LoggingFaultHandler handler = new LoggingFaultHandler("datanode-" + index);
        DataNode dataNode = DataNode.start(conf(index), Clock.system(), handler);
        dataNodes.set(index, dataNode);
        faults.set(index, handler);
        Await.until("DataNode " + index + " registered", Duration.ofSeconds(10), dataNode::isRegistered);
        return dataNode;
    }

    DataNode get(int index) {
        return dataNodes.get(index);
    }

    void assertNoFaults() {
        for (LoggingFaultHandler handler : faults) {
            if (handler != null && !handler.faults().isEmpty()) {
                throw new AssertionError("fault handler fired: " + handler.faults());
            }
        }
    }

    @Override
    public void close() {
        for (DataNode dataNode : dataNodes) {
            if (dataNode != null) {
                dataNode.close();
            }
        }
        nameNode.close();
        Await.until("DataNode threads gone", Duration.ofSeconds(10), () -> liveDataNodeThreads().isEmpty());
    }

    static List<String> liveDataNodeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("datanode@")).toList();
    }
}
