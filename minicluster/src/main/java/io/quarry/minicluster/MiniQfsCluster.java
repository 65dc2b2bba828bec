package io.quarry.minicluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.dfs.datanode.DataNode;
import io.quarry.dfs.namenode.NameNode;
import io.quarry.dfs.protocol.DatanodeInfo;
import io.quarry.dfs.protocol.DatanodeState;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetDatanodeReport;

/**
 * An in-process QFS cluster for tests: one NameNode on 127.0.0.1 and N DataNodes, each on its
 * own loopback address (127.0.0.2, 127.0.0.3, ...) and in its own directory under the base
 * directory. Nodes can be killed, stopped and restarted; {@link #close()} stops everything and
 * reports every failure.
 */
public final class MiniQfsCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiniQfsCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterLayout layout;
    private final List<DataNodeSlot> dataNodes = new ArrayList<>();
    private final List<FileSystem> clients = new ArrayList<>();
    private NameNode nameNode;
    private int nameNodePort;
    private Configuration clientConf;
    private QfsFileSystem sharedClient;

    private static final class DataNodeSlot {
        final int index;
        DataNode node;
        int dataPort;

        DataNodeSlot(int index) {
            this.index = index;
        }
    }

    private MiniQfsCluster(ClusterLayout layout, int nameNodePort) {
        this.layout = requireNonNull(layout, "layout is null");
        this.nameNodePort = nameNodePort;
    }

    public static Builder builder(java.nio.file.Path baseDir) {
        return new Builder(baseDir);
    }

    /**
     * The single-node cluster of {@code quarry local}: NameNode on port 8020, one DataNode, all
     * on 127.0.0.1, state kept under {@code baseDir} across restarts.
     */
    public static MiniQfsCluster startLocal(java.nio.file.Path baseDir, Map<String, String> overrides) throws IOException {
        Builder builder = builder(baseDir).nameNodePort(8020).separateHosts(false).numDataNodes(1);
        overrides.forEach(builder::set);
        return builder.build();
    }

    private void start(int numDataNodes) throws IOException {
        startNameNode();
        for (int i = 0; i < numDataNodes; i++) {
            addDataNodeSlot();
        }
        waitActive();
    }

    private void startNameNode() throws IOException {
        nameNode = NameNode.start(layout.nameNodeConf(nameNodePort));
        nameNodePort = nameNode.rpcAddress().port();
        clientConf = layout.clientConf(nameNodePort);
        LOG.info("Mini cluster NameNode at {} (http {})", nameNode.rpcAddress(), nameNode.httpAddress());
    }

    private DataNodeSlot addDataNodeSlot() throws IOException {
        DataNodeSlot slot = new DataNodeSlot(dataNodes.size());
        dataNodes.add(slot);
        startDataNode(slot);
        return slot;
    }

    private void startDataNode(DataNodeSlot slot) throws IOException {
        slot.node = DataNode.start(layout.dataNodeConf(slot.index, nameNodePort, slot.dataPort));
        slot.dataPort = slot.node.transferAddress().port();
        LOG.info("Mini cluster DataNode {} at {} ({})", slot.index, slot.node.transferAddress(), layout.rack(slot.index));
    }

    public NameNode nameNode() {
        if (nameNode == null) {
            throw new IllegalStateException("The NameNode is not running");
        }
        return nameNode;
    }

    public DataNode dataNode(int index) {
        DataNode node = slot(index).node;
        if (node == null) {
            throw new IllegalStateException("DataNode " + index + " is not running");
        }
        return node;
    }

    /** The running DataNodes. */
    public List<DataNode> dataNodes() {
        List<DataNode> running = new ArrayList<>();
        for (DataNodeSlot slot : dataNodes) {
            if (slot.node != null) {
                running.add(slot.node);
            }
        }
        return running;
    }

    /** DataNodes added to the cluster, running or not; their indexes are 0 to this minus one. */
    public int numDataNodes() {
        return dataNodes.size();
    }

    /** Where each node lives, for clusters built on this one. */
    ClusterLayout layout() {
        return layout;
    }

    /** Client configuration: fs.defaultFS points at the NameNode, timeouts are short. */
    public Configuration conf() {
        return clientConf;
    }

    /** A client shared by the test, closed with the cluster. */
    public synchronized QfsFileSystem fileSystem() throws IOException {
        if (sharedClient == null) {
            sharedClient = (QfsFileSystem) FileSystem.get(clientConf);
        }
        return sharedClient;
    }

    /** A new client (its own connections and client name), closed with the cluster. */
    public synchronized QfsFileSystem newFileSystem() throws IOException {
        QfsFileSystem client = (QfsFileSystem) FileSystem.get(clientConf);
        clients.add(client);
        return client;
    }

    private DataNodeSlot slot(int index) {
        if (index < 0 || index >= dataNodes.size()) {
            throw new IndexOutOfBoundsException("No DataNode " + index + "; the cluster has " + dataNodes.size());
        }
        return dataNodes.get(index);
    }

    /** Kills a DataNode as a crash would: no graceful shutdown. */
    public void killDataNode(int index) {
        DataNodeSlot slot = slot(index);
        if (slot.node != null) {
            LOG.info("Killing DataNode {} at {}", index, slot.node.transferAddress());
            DataNode node = slot.node;
            slot.node = null;
            node.abort();
        }
    }

    public void stopDataNode(int index) {
        DataNodeSlot slot = slot(index);
        if (slot.node != null) {
            LOG.info("Stopping DataNode {} at {}", index, slot.node.transferAddress());
            DataNode node = slot.node;
            slot.node = null;
            node.close();
        }
    }

    /** Starts a stopped or killed DataNode again on the same address, port and directories. */
    public void restartDataNode(int index) throws IOException {
        DataNodeSlot slot = slot(index);
        if (slot.node != null) {
            stopDataNode(index);
        }
        startDataNode(slot);
    }

    /** Adds a DataNode and returns its index. */
    public int addDataNode() throws IOException {
        return addDataNodeSlot().index;
    }

    /** Crashes the NameNode: no graceful shutdown. */
    public void crashNameNode() {
        if (nameNode != null) {
            LOG.info("Crashing the NameNode at {}", nameNode.rpcAddress());
            NameNode node = nameNode;
            nameNode = null;
            node.abort();
        }
    }

    /** Starts the NameNode again on the same port and directories, and waits until it is active. */
    public void restartNameNode() throws IOException {
        if (nameNode != null) {
            nameNode.close();
            nameNode = null;
        }
        startNameNode();
        waitActive();
    }

    /** Waits until the NameNode is out of safe mode and every running DataNode is registered and live. */
    public void waitActive() throws IOException {
        int expected = dataNodes().size();
        try {
            Polling.await("the NameNode to leave safe mode with " + expected + " live DataNodes", START_TIMEOUT, () -> {
                if (nameNode == null) {
                    return "no NameNode";
                }
                if (nameNode.isInSafeMode()) {
                    return "the NameNode is in safe mode";
                }
                long live = liveDataNodes();
                return live >= expected ? null : live + " live DataNodes";
            });
        } catch (TimeoutException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the cluster", e);
        }
    }

    private long liveDataNodes() throws IOException {
        DatanodeReport report = fileSystem().callNameNode(new GetDatanodeReport(), DatanodeReport.class);
        long live = 0;
        for (DatanodeInfo info : report.datanodes()) {
            if (info.state() == DatanodeState.LIVE) {
                live++;
            }
        }
        return live;
    }

    /** Waits until every block of the file has exactly {@code replicas} live locations. */
    public void waitReplication(Path file, int replicas, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        QfsFileSystem fs = fileSystem();
        String path = fs.qualify(file).path();
        Polling.await(replicas + " replicas of every block of " + path, timeout, () -> {
            LocatedBlocks located = fs.callNameNode(new GetBlockLocations(path, 0, Long.MAX_VALUE, "localhost"), LocatedBlocks.class);
            for (LocatedBlock block : located.blocks()) {
                if (block.locations().size() != replicas) {
                    return block.block() + " has " + block.locations().size() + " locations " + block.locations();
                }
            }
            return null;
        });
    }

    /** Stops clients, DataNodes and the NameNode, in that order; throws once with every failure. */
    @Override
    public synchronized void close() throws IOException {
        Map<String, Exception> failures = new LinkedHashMap<>();
        List<FileSystem> toClose = new ArrayList<>(clients);
        if (sharedClient != null) {
            toClose.add(sharedClient);
        }
        for (FileSystem client : toClose) {
            closeQuietly("client " + client.uri(), client::close, failures);
        }
        clients.clear();
        sharedClient = null;
        for (DataNodeSlot slot : dataNodes) {
            if (slot.node != null) {
                DataNode node = slot.node;
                slot.node = null;
                closeQuietly("DataNode " + slot.index, node::close, failures);
            }
        }
        if (nameNode != null) {
            NameNode node = nameNode;
            nameNode = null;
            closeQuietly("NameNode", node::close, failures);
        }
        if (!failures.isEmpty()) {
            IOException error = new IOException("Stopping the mini cluster failed for " + failures.keySet());
            failures.values().forEach(error::addSuppressed);
            throw error;
        }
    }

    private interface Closer {
        void close() throws Exception;
    }

    private static void closeQuietly(String what, Closer closer, Map<String, Exception> failures) {
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed", what, e);
            failures.put(what, e);
        }
    }

    /** Configures and starts a {@link MiniQfsCluster}. */
    public static final class Builder {
        private final java.nio.file.Path baseDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final List<String> racks = new ArrayList<>();
        private int numDataNodes = 1;
        private int nameNodePort;
        private boolean separateHosts = true;

        private Builder(java.nio.file.Path baseDir) {
            this.baseDir = requireNonNull(baseDir, "baseDir is null");
        }

        public Builder numDataNodes(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("numDataNodes must not be negative, got " + count);
            }
            this.numDataNodes = count;
            return this;
        }

        /** The rack of each DataNode, in order; written into a topology table for net.topology.table.file.name. */
        public Builder racks(String... racks) {
            this.racks.clear();
            this.racks.addAll(List.of(racks));
            return this;
        }

        /** Any configuration override, for every node and for clients. */
        public Builder set(String key, String value) {
            overrides.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** The NameNode's RPC port; 0 (the default) picks a free one. */
        public Builder nameNodePort(int port) {
            this.nameNodePort = port;
            return this;
        }

        /** Whether each DataNode binds its own 127.0.0.x (default true) or all share 127.0.0.1. */
        public Builder separateHosts(boolean separate) {
            this.separateHosts = separate;
            return this;
        }

        /** Starts the cluster and waits until it is active; on failure stops whatever started. */
        public MiniQfsCluster build() throws IOException {
            if (!racks.isEmpty() && racks.size() != numDataNodes) {
                throw new IllegalArgumentException("racks(...) names " + racks.size() + " racks for " + numDataNodes + " DataNodes");
            }
            ClusterLayout layout = new ClusterLayout(baseDir, overrides, racks, separateHosts);
            MiniQfsCluster cluster = new MiniQfsCluster(layout, nameNodePort);
            try {
                cluster.start(numDataNodes);
                return cluster;
            } catch (IOException | RuntimeException e) {
                try {
                    cluster.close();
                } catch (IOException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
                throw e;
            }
        }
    }
}
