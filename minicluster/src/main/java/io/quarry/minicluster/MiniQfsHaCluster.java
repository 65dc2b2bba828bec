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
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.dfs.datanode.DataNode;
import io.quarry.dfs.namenode.NameNode;

/**
 * An in-process HA QFS cluster for tests: two NameNodes on 127.0.0.1 sharing a ZooKeeper quorum
 * the test provides (curator-test's TestingServer or TestingCluster), and N DataNodes on their own
 * 127.0.0.x reporting to both. Clients use {@code qfs://<cluster id>} and follow the active.
 * NameNodes can be killed (abort: their ZooKeeper session closes at once) and restarted on the
 * same port and directory.
 */
public final class MiniQfsHaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiniQfsHaCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    public static final int NAME_NODES = 2;

    private final ClusterLayout layout;
    private final Map<String, String> haKeys;
    private final NameNode[] nameNodes = new NameNode[NAME_NODES];
    private final int[] nameNodePorts = new int[NAME_NODES];
    private final List<DataNode> dataNodes = new ArrayList<>();
    private final List<FileSystem> clients = new ArrayList<>();
    private final String clusterName;

    private MiniQfsHaCluster(ClusterLayout layout, Map<String, String> haKeys, String clusterName) {
        this.layout = requireNonNull(layout, "layout is null");
        this.haKeys = Map.copyOf(haKeys);
        this.clusterName = requireNonNull(clusterName, "clusterName is null");
    }

    public static Builder builder(java.nio.file.Path baseDir) {
        return new Builder(baseDir);
    }

    private void start(int numDataNodes) throws IOException {
        for (int i = 0; i < NAME_NODES; i++) {
            startNameNode(i);
        }
        for (int i = 0; i < numDataNodes; i++) {
            DataNode node = DataNode.start(layout.dataNodeConf(i, nameNodePorts[0], 0)
                    .with(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES.name(), nameNodeAddresses()));
            dataNodes.add(node);
        }
        awaitActive();
    }

    private String nameNodeAddresses() {
        List<String> addresses = new ArrayList<>();
        for (int port : nameNodePorts) {
            addresses.add(layout.nameNodeHost() + ":" + port);
        }
        return String.join(",", addresses);
    }

    private void startNameNode(int index) throws IOException {
        Configuration conf = layout.nameNodeConf(nameNodePorts[index])
                .with(DfsConfigKeys.NAMENODE_NAME_DIR.name(), layout.baseDir().resolve("namenode-" + index).resolve("name").toString())
                .withAll(haKeys);
        nameNodes[index] = NameNode.start(conf);
        nameNodePorts[index] = nameNodes[index].rpcAddress().port();
        LOG.info("Mini HA cluster NameNode {} at {}", index, nameNodes[index].rpcAddress());
    }

    public NameNode nameNode(int index) {
        NameNode node = nameNodes[index];
        if (node == null) {
            throw new IllegalStateException("NameNode " + index + " is not running");
        }
        return node;
    }

    /** The index of the active NameNode, or -1 when none is active right now. */
    public int activeIndex() {
        for (int i = 0; i < NAME_NODES; i++) {
            if (nameNodes[i] != null && nameNodes[i].isActive()) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until a NameNode is active and out of safe mode with every DataNode registered; returns its index. */
    public int awaitActive() throws IOException {
        try {
            Polling.await("an active NameNode out of safe mode with " + dataNodes.size() + " registered DataNodes", START_TIMEOUT, () -> {
                int active = activeIndex();
                if (active < 0) {
                    return "no NameNode is active";
                }
                if (nameNodes[active].isInSafeMode()) {
                    return "NameNode " + active + " is in safe mode";
                }
                long live = nameNodes[active].stats().liveDatanodes();
                return live >= dataNodes.size() ? null : live + " live DataNodes on NameNode " + active;
            });
        } catch (TimeoutException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for an active NameNode", e);
        }
        return activeIndex();
    }

    /** Crashes a NameNode: no journal sync, no checkpoint; its ZooKeeper session closes with it. */
    public void killNameNode(int index) {
        NameNode node = nameNodes[index];
        if (node != null) {
            LOG.info("Killing NameNode {} at {}", index, node.rpcAddress());
            nameNodes[index] = null;
            node.abort();
        }
    }

    /** Starts a killed or stopped NameNode again, on the same port and directory; it comes back as a standby. */
    public void restartNameNode(int index) throws IOException {
        if (nameNodes[index] != null) {
            nameNodes[index].close();
            nameNodes[index] = null;
        }
        startNameNode(index);
    }

    public List<DataNode> dataNodes() {
        return List.copyOf(dataNodes);
    }

    /** Client configuration: fs.defaultFS is {@code qfs://<cluster id>}, the active is found in ZooKeeper. */
    public Configuration conf() throws IOException {
        return layout.clientConf(nameNodePorts[0]).with(DfsConfigKeys.DEFAULT_FS.name(), "qfs://" + clusterName).withAll(haKeys);
    }

    /** A new client (its own connections and client name), closed with the cluster. */
    public synchronized QfsFileSystem newFileSystem() throws IOException {
        QfsFileSystem client = (QfsFileSystem) FileSystem.get(conf());
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() throws IOException {
        List<Exception> failures = new ArrayList<>();
        for (FileSystem client : clients) {
            closeQuietly(client::close, failures);
        }
        clients.clear();
        for (DataNode node : dataNodes) {
            closeQuietly(node::close, failures);
        }
        dataNodes.clear();
        for (int i = 0; i < NAME_NODES; i++) {
            NameNode node = nameNodes[i];
            nameNodes[i] = null;
            if (node != null) {
                closeQuietly(node::close, failures);
            }
        }
        if (!failures.isEmpty()) {
            IOException error = new IOException("Stopping the mini HA cluster failed " + failures.size() + " time(s)");
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }

    private interface Closer {
        void close() throws Exception;
    }

    private static void closeQuietly(Closer closer, List<Exception> failures) {
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("Stopping a node of the mini HA cluster failed", e);
            failures.add(e);
        }
    }

    /** Configures and starts a {@link MiniQfsHaCluster}. */
    public static final class Builder {
        private final java.nio.file.Path baseDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private String quorum;
        private String clusterName = "mini";
        private Duration sessionTimeout = Duration.ofSeconds(2);
        private int numDataNodes = 1;

        private Builder(java.nio.file.Path baseDir) {
            this.baseDir = requireNonNull(baseDir, "baseDir is null");
        }

        /** The ZooKeeper connect string (required). */
        public Builder zooKeeper(String connectString) {
            this.quorum = requireNonNull(connectString, "connectString is null");
            return this;
        }

        /** The HA cluster id: the ZooKeeper namespace and the client URI's host ({@code qfs://<name>}). */
        public Builder clusterName(String name) {
            this.clusterName = requireNonNull(name, "name is null");
            return this;
        }

        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder numDataNodes(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("numDataNodes must not be negative, got " + count);
            }
            this.numDataNodes = count;
            return this;
        }

        /** Any configuration override, for every node and for clients. */
        public Builder set(String key, String value) {
            overrides.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public MiniQfsHaCluster build() throws IOException {
            if (quorum == null) {
                throw new IllegalStateException("An HA cluster needs zooKeeper(connectString)");
            }
            Map<String, String> haKeys = new LinkedHashMap<>();
            haKeys.put(HaConfigKeys.QUORUM.name(), quorum);
            haKeys.put(HaConfigKeys.CLUSTER_ID.name(), clusterName);
            haKeys.put(HaConfigKeys.SESSION_TIMEOUT.name(), sessionTimeout.toMillis() + "ms");
            haKeys.putAll(overrides);
            ClusterLayout layout = new ClusterLayout(baseDir, overrides, List.of(), true);
            MiniQfsHaCluster cluster = new MiniQfsHaCluster(layout, haKeys, clusterName);
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
