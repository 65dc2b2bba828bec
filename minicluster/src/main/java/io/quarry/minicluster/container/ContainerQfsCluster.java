package io.quarry.minicluster.container;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;

import io.quarry.minicluster.Polling;
import io.quarry.minicluster.QfsTestCluster;

/**
 * A Quarry cluster whose nodes are separate containers, each a host with its own name, address,
 * processes and disk: {@code namenode}; {@code dn1} ... {@code dnN}, each a DataNode (and a Worker
 * when the cluster runs jobs); {@code scheduler} when it runs jobs; with HA, {@code zookeeper} (a
 * ZooKeeper server, the NameNodes' journal) and two NameNodes {@code nn1} and {@code nn2} instead of
 * {@code namenode}, clients naming the cluster as {@code qfs://containers}; and {@code client}, a gateway
 * host from which the test runs {@code bin/quarry} with {@code docker exec}. They talk on an
 * internal network this cluster creates (no route out), each at a fixed address that every host
 * lists in its {@code /etc/hosts}; racks come from the topology table keyed by the host names.
 *
 * <p>The test drives the cluster only through the client host, not from its own JVM: QFS clients
 * talk to the DataNodes the NameNode names, by their host names on the internal network, which only
 * hosts on that network can reach, exactly as an edge node of a real cluster does.
 *
 * <p>{@link #close()} removes every container and the network, also after a failed start.
 */
public final class ContainerQfsCluster implements QfsTestCluster {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerQfsCluster.class);
    /** Label on every container and network, so leftovers of a killed run can be found and removed. */
    public static final String LABEL = "io.quarry.container-cluster";
    private static final String JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k "
            + "-Dsun.net.inetaddr.ttl=1 -Dsun.net.inetaddr.negative.ttl=0";

    private final String runId;
    private final Network network;
    private final ClusterSettings settings;
    private final ClusterAddresses addresses;
    private final Duration startTimeout;
    private final List<ContainerNode> nodes = new ArrayList<>();
    private final List<ContainerNode> dataNodes = new ArrayList<>();
    private final List<ContainerNode> nameNodes = new ArrayList<>();
    private ContainerNode zooKeeper;
    private ContainerNode scheduler;
    private ContainerQfsClient client;

    private ContainerQfsCluster(String runId, Network network, ClusterSettings settings, ClusterAddresses addresses,
                                Duration startTimeout) {
        this.runId = requireNonNull(runId, "runId is null");
        this.network = requireNonNull(network, "network is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.addresses = requireNonNull(addresses, "addresses is null");
        this.startTimeout = requireNonNull(startTimeout, "startTimeout is null");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int numDataNodes() {
        return dataNodes.size();
    }

    @Override
    public String dataNodeHost(int index) {
        return dataNode(index).host();
    }

    @Override
    public String dataNodeRack(int index) {
        dataNode(index);
        return settings.rack(index);
    }

    /** The host of DataNode {@code index} (and of its Worker when the cluster runs jobs). */
    public ContainerNode dataNode(int index) {
        if (index < 0 || index >= dataNodes.size()) {
            throw new IndexOutOfBoundsException("No DataNode " + index + "; the cluster has " + dataNodes.size());
        }
        return dataNodes.get(index);
    }

    /** The NameNode's host; with HA the first, {@code nn1} (the active after the start, until a failover). */
    public ContainerNode nameNode() {
        return nameNodes.get(0);
    }

    /** Every NameNode host: one, or {@code nn1} and {@code nn2} with HA. */
    public List<ContainerNode> nameNodes() {
        return List.copyOf(nameNodes);
    }

    /** The ZooKeeper server's host; only when the cluster was built with {@code ha(true)}. */
    public ContainerNode zooKeeper() {
        if (zooKeeper == null) {
            throw new IllegalStateException("This cluster runs no ZooKeeper; build it with ha(true)");
        }
        return zooKeeper;
    }

    /** The Scheduler's host; only when the cluster was built with {@code workers(true)}. */
    public ContainerNode scheduler() {
        if (scheduler == null) {
            throw new IllegalStateException("This cluster runs no Scheduler; build it with workers(true)");
        }
        return scheduler;
    }

    /** The ID every container and the network of this cluster carry in the {@value #LABEL} label. */
    public String runId() {
        return runId;
    }

    public Network network() {
        return network;
    }

    @Override
    public ContainerQfsClient client() {
        return client;
    }

    /** Kills the DataNode's host with SIGKILL (its Worker too, when it has one). */
    @Override
    public void killDataNode(int index) {
        dataNode(index).kill();
    }

    /** Starts a killed DataNode host again with its disk as it was, and waits until the NameNode counts it live. */
    @Override
    public void restartDataNode(int index) throws IOException {
        ContainerNode node = dataNode(index);
        if (node.isRunning()) {
            node.kill();
        }
        node.start();
        node.awaitReady(startTimeout);
        awaitLive(node.host());
    }

    /** Kills {@link #nameNode()} (with HA, {@code nn1}). */
    @Override
    public void killNameNode() {
        nameNode().kill();
    }

    /** Restarts {@link #nameNode()} (with HA, {@code nn1}) and waits until the cluster is active. */
    @Override
    public void restartNameNode() throws IOException {
        ContainerNode nameNode = nameNode();
        if (nameNode.isRunning()) {
            nameNode.kill();
        }
        nameNode.start();
        nameNode.awaitReady(startTimeout);
        waitActive();
    }

    /** Waits until the NameNode is out of safe mode and counts every running DataNode as live. */
    public void waitActive() throws IOException {
        List<String> running = new ArrayList<>();
        for (ContainerNode node : dataNodes) {
            if (node.isRunning()) {
                running.add(node.host());
            }
        }
        await("the NameNode to leave safe mode with live DataNodes " + running, startTimeout, () -> {
            if (client.inSafeMode()) {
                return "the NameNode is in safe mode";
            }
            List<String> missing = new ArrayList<>(running);
            missing.removeAll(client.liveDataNodes());
            return missing.isEmpty() ? null : "not live yet: " + missing;
        });
    }

    private void awaitLive(String host) throws IOException {
        await("DataNode " + host + " to be live", startTimeout,
                () -> client.liveDataNodes().contains(host) ? null : host + " is not live");
    }

    /** Polls {@code check} until it reports nothing missing, as an IOException naming what was awaited when it times out. */
    public static void await(String what, Duration timeout, Polling.Check check) throws IOException {
        try {
            Polling.await(what, timeout, check);
        } catch (TimeoutException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted waiting for " + what, e);
        }
    }

    private void start(int numDataNodes, boolean workers, String dataDiskSize, NodeImage image) throws IOException {
        if (settings.ha()) {
            zooKeeper = addNode(image, ClusterSettings.ZOOKEEPER_HOST, List.of("zookeeper"), null);
        }
        for (String host : settings.nameNodeHosts()) {
            nameNodes.add(addNode(image, host, List.of("namenode"), null));
        }
        client = new ContainerQfsClient(addNode(image, ClusterSettings.CLIENT_HOST, List.of("client"), null));
        for (int i = 0; i < numDataNodes; i++) {
            List<String> roles = workers ? List.of("datanode", "worker") : List.of("datanode");
            dataNodes.add(addNode(image, "dn" + (i + 1), roles, dataDiskSize));
        }
        if (workers) {
            scheduler = addNode(image, ClusterSettings.SCHEDULER_HOST, List.of("scheduler"), null);
        }
        // Masters first, one after another: ZooKeeper before the NameNodes, so that nn1 is the first active.
        List<ContainerNode> masters = new ArrayList<>(nameNodes);
        if (zooKeeper != null) {
            masters.add(0, zooKeeper);
        }
        for (ContainerNode master : masters) {
            master.start();
            if (settings.ha()) {
                master.awaitReady(startTimeout);
            }
        }
        for (ContainerNode node : nodes) {
            if (!masters.contains(node)) {
                node.start();
            }
        }
        for (ContainerNode node : nodes) {
            if (!node.roles().contains("client") && !(settings.ha() && masters.contains(node))) {
                node.awaitReady(startTimeout);
            }
        }
        waitActive();
        LOG.info("Container cluster {} is up: {}", runId, nodes);
    }

    private ContainerNode addNode(NodeImage image, String host, List<String> roles, String dataDiskSize) {
        String address = addresses.address(host);
        GenericContainer<?> container = new GenericContainer<>(image.name())
                .withImagePullPolicy(name -> false)
                .withNetwork(network)
                .withNetworkAliases(host)
                .withCommand(roles.toArray(String[]::new))
                .withEnv("QUARRY_OPTS", JVM_OPTIONS)
                .withLabel(LABEL, runId)
                .withCopyToContainer(Transferable.of(settings.siteProperties(host).getBytes(StandardCharsets.UTF_8)),
                        ClusterSettings.CONF_DIR + "/quarry-site.properties")
                .withCopyToContainer(Transferable.of(settings.topologyTable().getBytes(StandardCharsets.UTF_8)),
                        ClusterSettings.TOPOLOGY_FILE)
                .withCreateContainerCmdModifier(cmd -> cmd.withHostName(host).withName("quarry-" + runId + "-" + host)
                        .withIpv4Address(address));
        addresses.all().forEach(container::withExtraHost);
        if (dataDiskSize != null) {
            container.withTmpFs(Map.of(ContainerNode.DATA_DIR, "rw,size=" + dataDiskSize));
        }
        ContainerNode node = new ContainerNode(host, address, roles, container, network);
        nodes.add(node);
        return node;
    }

    /** Removes every container, then the network; throws once with every failure. */
    @Override
    public void close() throws IOException {
        Map<String, Exception> failures = new LinkedHashMap<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            ContainerNode node = nodes.get(i);
            try {
                node.close();
            } catch (RuntimeException e) {
                LOG.warn("Removing node {} of cluster {} failed", node.host(), runId, e);
                failures.put(node.host(), e);
            }
        }
        try {
            network.close();
        } catch (RuntimeException e) {
            LOG.warn("Removing the network of cluster {} failed", runId, e);
            failures.put("network", e);
        }
        if (!failures.isEmpty()) {
            IOException error = new IOException("Removing container cluster " + runId + " failed for " + failures.keySet());
            failures.values().forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Configures and starts a {@link ContainerQfsCluster}. */
    public static final class Builder {
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final List<String> racks = new ArrayList<>();
        private int numDataNodes = 3;
        private boolean workers;
        private boolean ha;
        private String dataDiskSize;
        private NodeImage image;
        private Duration startTimeout = Duration.ofSeconds(90);

        private Builder() {
        }

        public Builder numDataNodes(int count) {
            if (count < 1 || count > 64) {
                throw new IllegalArgumentException("numDataNodes must be between 1 and 64, got " + count);
            }
            this.numDataNodes = count;
            return this;
        }

        /** The rack of each DataNode host, in order. */
        public Builder racks(String... racks) {
            this.racks.clear();
            this.racks.addAll(List.of(racks));
            return this;
        }

        /** Whether the cluster runs jobs: a Scheduler host, and a Worker on every DataNode host. */
        public Builder workers(boolean workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Whether the NameNode is highly available: a {@code zookeeper} host running {@code quarry
         * zookeeper}, two NameNodes {@code nn1} and {@code nn2} journalling to it with a 3 s session,
         * DataNodes reporting to both, and every client naming the cluster as {@code qfs://containers}.
         */
        public Builder ha(boolean ha) {
            this.ha = ha;
            return this;
        }

        /**
         * Gives every DataNode host a data disk of this size (a tmpfs, e.g. {@code 64m}) so that
         * {@link ContainerNode#fillDisk()} can fill it. Such a disk does not survive a restart.
         */
        public Builder dataDiskSize(String size) {
            this.dataDiskSize = requireNonNull(size, "size is null");
            return this;
        }

        /** Any configuration key, for every node and the client. */
        public Builder set(String key, String value) {
            overrides.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder image(NodeImage image) {
            this.image = requireNonNull(image, "image is null");
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        /**
         * Starts the cluster and waits until it is active. Fails at once when no Docker engine
         * answers or the image is missing; on any failure removes whatever it started.
         */
        public ContainerQfsCluster build() throws IOException {
            NodeImage checked = (image == null ? NodeImage.configured() : image).require();
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < numDataNodes; i++) {
                hosts.add("dn" + (i + 1));
            }
            ClusterSettings settings = new ClusterSettings(overrides, hosts, racks, ha);
            List<String> allHosts = new ArrayList<>(settings.nameNodeHosts());
            allHosts.add(ClusterSettings.CLIENT_HOST);
            if (ha) {
                allHosts.add(ClusterSettings.ZOOKEEPER_HOST);
            }
            allHosts.addAll(hosts);
            if (workers) {
                allHosts.add(ClusterSettings.SCHEDULER_HOST);
            }
            String runId = UUID.randomUUID().toString().substring(0, 8);
            ClusterNetwork created = ClusterNetwork.create(runId, allHosts);
            ContainerQfsCluster cluster = new ContainerQfsCluster(runId, created.network(), settings, created.addresses(),
                    startTimeout);
            try {
                cluster.start(numDataNodes, workers, dataDiskSize, checked);
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
