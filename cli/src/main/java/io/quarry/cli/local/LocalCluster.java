package io.quarry.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RpcClient;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.datanode.DataNode;
import io.quarry.dfs.namenode.NameNode;
import io.quarry.dfs.protocol.DatanodeState;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetDatanodeReport;
import io.quarry.scheduler.service.SchedulerDaemon;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.worker.WorkerDaemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A NameNode, N DataNodes, a Scheduler and a Worker in this JVM, with their directories under one
 * {@link LocalDirs} so a restart on the same directory finds its data again. The NameNode serves
 * on 127.0.0.1:8020 (so the default fs.defaultFS finds it) unless dfs.namenode.rpc-address says
 * otherwise, the Scheduler on 127.0.0.1:8030 unless quarry.scheduler.address does.
 */
public final class LocalCluster implements Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    static final String DEFAULT_RPC_ADDRESS = "127.0.0.1:8020";
    static final String DEFAULT_SCHEDULER_ADDRESS = "127.0.0.1:8030";
    static final int DEFAULT_HTTP_PORT = 9870;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final NameNode nameNode;
    private final List<DataNode> dataNodes;
    private final SchedulerDaemon scheduler;
    private final WorkerDaemon worker;
    private final LocalHaMasters ha;

    private LocalCluster(NameNode nameNode, List<DataNode> dataNodes, SchedulerDaemon scheduler, WorkerDaemon worker,
                         LocalHaMasters ha) {
        this.nameNode = requireNonNull(nameNode, "nameNode is null");
        this.dataNodes = List.copyOf(dataNodes);
        this.scheduler = scheduler;
        this.worker = worker;
        this.ha = ha;
    }

    /** Starts every daemon and returns once all DataNodes are live at the NameNode and the Worker is registered. */
    public static LocalCluster start(Configuration base, LocalDirs dirs, int dataNodeCount) throws Exception {
        return start(base, dirs, dataNodeCount, false);
    }

    /**
     * Like {@link #start(Configuration, LocalDirs, int)}; with {@code ha}, also an embedded ZooKeeper
     * and a standby Scheduler (see {@link LocalHaMasters}).
     */
    public static LocalCluster start(Configuration base, LocalDirs dirs, int dataNodeCount, boolean ha) throws Exception {
        Configuration conf = clusterConf(base, dirs, dataNodeCount);
        LocalHaMasters haMasters = ha ? LocalHaMasters.start(conf, dirs) : null;
        Configuration masters = haMasters == null ? conf : haMasters.haConf(conf);
        // NameNode HA is not wired into the local cluster yet: the NameNode and DataNodes run without a quorum.
        Configuration storage = haMasters == null ? conf : LocalHaMasters.withoutHa(conf);
        NameNode nameNode;
        try {
            nameNode = NameNode.start(nameNodeConf(storage, dirs));
        } catch (Exception e) {
            if (haMasters != null) {
                haMasters.close();
            }
            throw e;
        }
        List<DataNode> started = new ArrayList<>();
        SchedulerDaemon scheduler = null;
        WorkerDaemon worker = null;
        try {
            for (int i = 0; i < dataNodeCount; i++) {
                started.add(DataNode.start(dataNodeConf(storage, dirs, i, nameNode.rpcAddress())));
            }
            awaitReady(storage, nameNode, dataNodeCount);
            scheduler = SchedulerDaemon.start(masters);
            if (haMasters != null) {
                haMasters.startStandbyScheduler(masters);
            }
            worker = WorkerDaemon.start(LocalWorkerConf.of(masters, dirs, scheduler.server().address()));
            LocalWorkerConf.awaitRegistered(worker, READY_TIMEOUT);
            return new LocalCluster(nameNode, started, scheduler, worker, haMasters);
        } catch (Exception e) {
            new LocalCluster(nameNode, started, scheduler, worker, haMasters).close();
            throw e;
        }
    }

    static Configuration clusterConf(Configuration base, LocalDirs dirs, int dataNodeCount) {
        Configuration conf = base.with(DfsConfigKeys.TMP_DIR.name(), dirs.base().toString());
        if (!conf.isSet(DfsConfigKeys.NAMENODE_RPC_ADDRESS)) {
            conf = conf.with(DfsConfigKeys.NAMENODE_RPC_ADDRESS, DEFAULT_RPC_ADDRESS);
        }
        conf = conf.with(DfsConfigKeys.DEFAULT_FS, "qfs://" + conf.getString(DfsConfigKeys.NAMENODE_RPC_ADDRESS));
        if (!conf.isSet(SchedulerServiceConfigKeys.ADDRESS)) {
            conf = conf.with(SchedulerServiceConfigKeys.ADDRESS, DEFAULT_SCHEDULER_ADDRESS);
        }
        if (!conf.isSet(DfsConfigKeys.REPLICATION)) {
            conf = conf.with(DfsConfigKeys.REPLICATION, Integer.toString(Math.min(3, dataNodeCount)));
        }
        return conf;
    }

    private static Configuration nameNodeConf(Configuration conf, LocalDirs dirs) {
        Configuration out = conf.with(DfsConfigKeys.NAMENODE_NAME_DIR, dirs.nameDir().toString());
        if (!conf.isSet(DfsConfigKeys.NAMENODE_HTTP_ADDRESS)) {
            int port = isFree(DEFAULT_HTTP_PORT) ? DEFAULT_HTTP_PORT : 0;
            out = out.with(DfsConfigKeys.NAMENODE_HTTP_ADDRESS, "127.0.0.1:" + port);
        }
        return out;
    }

    private static Configuration dataNodeConf(Configuration conf, LocalDirs dirs, int index, HostAndPort nameNode) {
        return conf.with(DfsConfigKeys.DATANODE_DATA_DIR, dirs.dataDir(index).toString())
                .with(DfsConfigKeys.DATANODE_ADDRESS, "127.0.0.1:0")
                .with(DfsConfigKeys.DATANODE_HTTP_ADDRESS, "127.0.0.1:0")
                .with(DfsConfigKeys.DATANODE_HOSTNAME, "127.0.0.1")
                .with(DfsConfigKeys.NAMENODE_RPC_ADDRESS, nameNode.toString());
    }

    /** The NameNode address a local cluster started with this configuration serves on. */
    static HostAndPort rpcAddress(Configuration conf) {
        String configured = conf.getString(DfsConfigKeys.NAMENODE_RPC_ADDRESS);
        return HostAndPort.parse(configured == null || configured.isBlank() ? DEFAULT_RPC_ADDRESS : configured.trim());
    }

    /** The Scheduler address a local cluster started with this configuration serves on. */
    static HostAndPort schedulerAddress(Configuration conf) {
        return HostAndPort.parse(conf.isSet(SchedulerServiceConfigKeys.ADDRESS)
                ? conf.getString(SchedulerServiceConfigKeys.ADDRESS).trim() : DEFAULT_SCHEDULER_ADDRESS);
    }

    private static boolean isFree(int port) {
        return isFree(new HostAndPort("127.0.0.1", port));
    }

    /** Whether nothing listens on the address now (a port of 0 is always free). */
    static boolean isFree(HostAndPort address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address.host(), address.port()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until every DataNode is live at the NameNode and the NameNode has left safe mode. */
    private static void awaitReady(Configuration conf, NameNode nameNode, int expected) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long live = 0;
        HostAndPort address = nameNode.rpcAddress();
        try (RpcClient rpc = new RpcClient("local", conf)) {
            while (System.nanoTime() < deadline) {
                try {
                    DatanodeReport report = rpc.call(address, new GetDatanodeReport(), DatanodeReport.class);
                    live = report.datanodes().stream().filter(node -> node.state() == DatanodeState.LIVE).count();
                    if (live >= expected && !nameNode.isInSafeMode()) {
                        return;
                    }
                } catch (QuarryException e) {
                    LOG.debug("local: waiting for the NameNode at {}: {}", address, e.getMessage());
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        throw new IOException("The cluster was not ready within " + READY_TIMEOUT.toSeconds() + " s: " + live + " of " + expected
                + " DataNodes live at the NameNode " + address + (nameNode.isInSafeMode() ? ", which is still in safe mode" : ""));
    }

    public NameNode nameNode() {
        return nameNode;
    }

    public LocalState state() {
        List<String> data = dataNodes.stream().map(node -> node.transferAddress().toString()).toList();
        return new LocalState("qfs://" + nameNode.rpcAddress(), nameNode.httpAddress().toString(), data,
                scheduler.server().address().toString(), worker.addresses().get("shuffle").toString(),
                ha == null ? "" : ha.quorum(), ha == null ? "" : ha.standbySchedulerAddress());
    }

    @Override
    public String role() {
        return "local";
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        Map<String, HostAndPort> addresses = new LinkedHashMap<>();
        addresses.put("rpc", nameNode.rpcAddress());
        addresses.put("http", nameNode.httpAddress());
        for (int i = 0; i < dataNodes.size(); i++) {
            addresses.put("dn" + i, dataNodes.get(i).transferAddress());
        }
        addresses.put("scheduler", scheduler.server().address());
        addresses.put("shuffle", worker.addresses().get("shuffle"));
        return addresses;
    }

    @Override
    public void close() {
        if (worker != null) {
            closeQuietly(worker);
        }
        if (scheduler != null) {
            closeQuietly(scheduler);
        }
        for (int i = dataNodes.size() - 1; i >= 0; i--) {
            closeQuietly(dataNodes.get(i));
        }
        closeQuietly(nameNode);
        if (ha != null) {
            ha.close();
        }
    }

    private static void closeQuietly(Daemon daemon) {
        try {
            daemon.close();
        } catch (RuntimeException e) {
            LOG.warn("local: stopping {} failed", daemon.role(), e);
        }
    }
}
