package io.quarry.minicluster.container;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.common.ha.HaConfigKeys;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.scheduler.core.SchedulerConfigKeys;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.worker.WorkerConfigKeys;

/**
 * The configuration every container of the cluster reads: {@code conf/quarry-site.properties} (the
 * same file on every host, as in a real deployment) and the topology table keyed by host names.
 * Intervals are short so that dead nodes and repairs show within seconds.
 */
final class ClusterSettings {
    static final String NAMENODE_HOST = "namenode";
    static final String SCHEDULER_HOST = "scheduler";
    static final String CLIENT_HOST = "client";
    static final String ZOOKEEPER_HOST = "zookeeper";
    /** The NameNode hosts of an HA cluster, in start order. */
    static final List<String> HA_NAMENODE_HOSTS = List.of("nn1", "nn2");
    /** The HA cluster's id: clients name it as {@code qfs://containers}. */
    static final String HA_CLUSTER_ID = "containers";
    static final int ZOOKEEPER_PORT = 2181;
    static final int NAMENODE_PORT = 8020;
    static final int SCHEDULER_PORT = 8030;
    static final String CONF_DIR = "/opt/quarry/conf";
    static final String TOPOLOGY_FILE = CONF_DIR + "/topology.table";

    /**
     * A DataNode is dead after 2 x recheck + 10 x heartbeat = 7 s of silence; long enough that a busy
     * two-core machine does not lose live nodes, short enough for the suite's time budget.
     */
    static final Map<String, String> TEST_DEFAULTS = Map.ofEntries(
            Map.entry(DfsConfigKeys.HEARTBEAT_INTERVAL.name(), "500ms"),
            Map.entry(DfsConfigKeys.HEARTBEAT_RECHECK_INTERVAL.name(), "1s"),
            Map.entry(DfsConfigKeys.REDUNDANCY_INTERVAL.name(), "500ms"),
            Map.entry(DfsConfigKeys.SAFEMODE_EXTENSION.name(), "0"),
            Map.entry(DfsConfigKeys.BLOCK_SIZE.name(), "1m"),
            Map.entry("quarry.rpc.retry.max-backoff", "500ms"),
            Map.entry("quarry.rpc.connect-timeout", "2s"),
            Map.entry("quarry.rpc.timeout", "20s"),
            Map.entry(DfsConfigKeys.CLIENT_SOCKET_TIMEOUT.name(), "10s"),
            Map.entry(WorkerConfigKeys.HEARTBEAT_INTERVAL.name(), "200ms"),
            Map.entry(SchedulerConfigKeys.WORKER_EXPIRY.name(), "6s"),
            Map.entry(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL.name(), "500ms"));

    private final Map<String, String> overrides;
    private final List<String> dataNodeHosts;
    private final List<String> racks;
    private final boolean ha;

    ClusterSettings(Map<String, String> overrides, List<String> dataNodeHosts, List<String> racks) {
        this(overrides, dataNodeHosts, racks, false);
    }

    /** With {@code ha}, two NameNodes journalling to the {@code zookeeper} host, and clients naming the cluster id. */
    ClusterSettings(Map<String, String> overrides, List<String> dataNodeHosts, List<String> racks, boolean ha) {
        this.ha = ha;
        this.overrides = Map.copyOf(requireNonNull(overrides, "overrides is null"));
        this.dataNodeHosts = List.copyOf(dataNodeHosts);
        this.racks = List.copyOf(racks);
        if (!racks.isEmpty() && racks.size() != dataNodeHosts.size()) {
            throw new IllegalArgumentException("racks(...) names " + racks.size() + " racks for " + dataNodeHosts.size() + " DataNodes");
        }
    }

    String rack(int index) {
        return racks.isEmpty() ? "/default-rack" : racks.get(index);
    }

    boolean ha() {
        return ha;
    }

    /** The NameNode hosts: {@code namenode}, or {@code nn1} and {@code nn2} with HA. */
    List<String> nameNodeHosts() {
        return ha ? HA_NAMENODE_HOSTS : List.of(NAMENODE_HOST);
    }

    /** Every key the nodes start with, builder overrides last. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>(TEST_DEFAULTS);
        values.put(DfsConfigKeys.DEFAULT_FS.name(), "qfs://" + NAMENODE_HOST + ":" + NAMENODE_PORT);
        values.put(DfsConfigKeys.NAMENODE_RPC_ADDRESS.name(), NAMENODE_HOST + ":" + NAMENODE_PORT);
        values.put(DfsConfigKeys.NAMENODE_RPC_BIND_HOST.name(), "0.0.0.0");
        values.put(DfsConfigKeys.NAMENODE_HTTP_ADDRESS.name(), "0.0.0.0:9870");
        values.put(DfsConfigKeys.NAMENODE_NAME_DIR.name(), ContainerNode.DATA_DIR + "/name");
        values.put(DfsConfigKeys.DATANODE_DATA_DIR.name(), ContainerNode.DATA_DIR + "/dn");
        values.put(DfsConfigKeys.TMP_DIR.name(), ContainerNode.DATA_DIR + "/tmp");
        values.put(DfsConfigKeys.TOPOLOGY_TABLE.name(), TOPOLOGY_FILE);
        values.put(SchedulerServiceConfigKeys.ADDRESS.name(), SCHEDULER_HOST + ":" + SCHEDULER_PORT);
        values.put(MapReduceConfigKeys.FRAMEWORK_NAME.name(), "cluster");
        values.put(WorkerConfigKeys.LOCAL_DIR.name(), ContainerNode.DATA_DIR + "/worker");
        if (ha) {
            putHa(values);
        }
        values.putAll(overrides);
        return values;
    }

    /**
     * HA: the ZooKeeper host as quorum and journal, a short session (3 s, with 500 ms ticks so
     * ZooKeeper grants it) so that a frozen active loses its role within seconds, DataNodes
     * reporting to both NameNodes, and clients following the active through {@code qfs://<cluster id>}.
     */
    private static void putHa(Map<String, String> values) {
        String first = HA_NAMENODE_HOSTS.get(0) + ":" + NAMENODE_PORT;
        values.put(HaConfigKeys.QUORUM.name(), ZOOKEEPER_HOST + ":" + ZOOKEEPER_PORT);
        values.put(HaConfigKeys.CLUSTER_ID.name(), HA_CLUSTER_ID);
        values.put(HaConfigKeys.SESSION_TIMEOUT.name(), "3s");
        values.put(HaConfigKeys.ZOOKEEPER_TICK_TIME.name(), "500ms");
        values.put(HaConfigKeys.ZOOKEEPER_CLIENT_PORT.name(), Integer.toString(ZOOKEEPER_PORT));
        values.put(HaConfigKeys.ZOOKEEPER_DATA_DIR.name(), ContainerNode.DATA_DIR + "/zookeeper");
        values.put(DfsConfigKeys.DEFAULT_FS.name(), "qfs://" + HA_CLUSTER_ID);
        values.put(DfsConfigKeys.NAMENODE_RPC_ADDRESS.name(), first);
        // An HA NameNode publishes the address it is bound to as the active's: bound to 0.0.0.0 it
        // would publish 0.0.0.0:8020, so each binds to its own host's address instead.
        values.remove(DfsConfigKeys.NAMENODE_RPC_BIND_HOST.name());
        values.put(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES.name(), String.join(",",
                HA_NAMENODE_HOSTS.stream().map(host -> host + ":" + NAMENODE_PORT).toList()));
    }

    /** {@code conf/quarry-site.properties} of every node but an HA NameNode. */
    String siteProperties() {
        return siteProperties(values());
    }

    /** {@code conf/quarry-site.properties} of {@code host}: an HA NameNode serves on its own address. */
    String siteProperties(String host) {
        Map<String, String> values = values();
        if (ha && HA_NAMENODE_HOSTS.contains(host)) {
            values.put(DfsConfigKeys.NAMENODE_RPC_ADDRESS.name(), host + ":" + NAMENODE_PORT);
        }
        return siteProperties(values);
    }

    private static String siteProperties(Map<String, String> values) {
        StringBuilder text = new StringBuilder("# Written by the container test cluster.\n");
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** One "host rack" line per DataNode host. */
    String topologyTable() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < dataNodeHosts.size(); i++) {
            text.append(dataNodeHosts.get(i)).append(' ').append(rack(i)).append('\n');
        }
        return text.toString();
    }
}
