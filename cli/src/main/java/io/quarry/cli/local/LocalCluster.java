package io.quarry.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.datanode.DataNode;
import io.quarry.dfs.namenode.NameNode;
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
 * otherwise, the Scheduler on 127.0.0.1:8030 unless quarry.scheduler.address does. With HA, two
 * NameNodes and two Schedulers on an embedded ZooKeeper (see {@link LocalHaMasters}).
 */
public final class LocalCluster implements Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    static final String DEFAULT_RPC_ADDRESS = "127.0.0.1:8020";
    static final String DEFAULT_SCHEDULER_ADDRESS = "127.0.0.1:8030";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final LocalNameNodes nameNodes;
    private final List<DataNode> dataNodes;
    private final SchedulerDaemon scheduler;
    private final WorkerDaemon worker;
    private final LocalHaMasters ha;

    private LocalCluster(LocalNameNodes nameNodes, List<DataNode> dataNodes, SchedulerDaemon scheduler, WorkerDaemon worker,
                         LocalHaMasters ha) {
        this.nameNodes = requireNonNull(nameNodes, "nameNodes is null");
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
     * Like {@link #start(Configuration, LocalDirs, int)}; with {@code ha}, also an embedded ZooKeeper,
     * a second NameNode journalling to it and a standby Scheduler (see {@link LocalHaMasters}).
     */
    public static LocalCluster start(Configuration base, LocalDirs dirs, int dataNodeCount, boolean ha) throws Exception {
        Configuration conf = clusterConf(base, dirs, dataNodeCount);
        LocalHaMasters haMasters = ha ? LocalHaMasters.start(conf, dirs) : null;
        Configuration masters = haMasters == null ? conf : haMasters.haConf(conf);
        LocalNameNodes nameNodes;
        try {
            nameNodes = LocalNameNodes.start(masters, dirs, ha);
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
                started.add(DataNode.start(nameNodes.reportTo(dataNodeConf(conf, dirs, i))));
            }
            nameNodes.awaitReady(dataNodeCount, READY_TIMEOUT);
            scheduler = SchedulerDaemon.start(masters);
            if (haMasters != null) {
                haMasters.startStandbyScheduler(masters);
            }
            worker = WorkerDaemon.start(LocalWorkerConf.of(masters, dirs, scheduler.server().address()));
            LocalWorkerConf.awaitRegistered(worker, READY_TIMEOUT);
            return new LocalCluster(nameNodes, started, scheduler, worker, haMasters);
        } catch (Exception e) {
            new LocalCluster(nameNodes, started, scheduler, worker, haMasters).close();
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

    private static Configuration dataNodeConf(Configuration conf, LocalDirs dirs, int index) {
        return conf.with(DfsConfigKeys.DATANODE_DATA_DIR, dirs.dataDir(index).toString())
                .with(DfsConfigKeys.DATANODE_ADDRESS, "127.0.0.1:0")
                .with(DfsConfigKeys.DATANODE_HTTP_ADDRESS, "127.0.0.1:0")
                .with(DfsConfigKeys.DATANODE_HOSTNAME, "127.0.0.1");
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

    /** The active NameNode, or the first one while none is active. */
    public NameNode nameNode() {
        return nameNodes.active().orElse(nameNodes.first());
    }

    /** Every NameNode: one, or two with HA (the first on dfs.namenode.rpc-address). */
    public List<NameNode> nameNodes() {
        return nameNodes.all();
    }

    public LocalState state() {
        List<String> data = dataNodes.stream().map(node -> node.transferAddress().toString()).toList();
        NameNode first = nameNodes.first();
        NameNode second = nameNodes.paired() ? nameNodes.all().get(1) : null;
        return new LocalState("qfs://" + first.rpcAddress(), first.httpAddress().toString(), data,
                scheduler.server().address().toString(), worker.addresses().get("shuffle").toString(),
                ha == null ? "" : ha.quorum(), ha == null ? "" : ha.standbySchedulerAddress(),
                second == null ? "" : second.rpcAddress().toString(), second == null ? "" : second.httpAddress().toString());
    }

    @Override
    public String role() {
        return "local";
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        Map<String, HostAndPort> addresses = new LinkedHashMap<>();
        NameNode first = nameNodes.first();
        addresses.put("rpc", first.rpcAddress());
        addresses.put("http", first.httpAddress());
        if (nameNodes.paired()) {
            addresses.put("rpc2", nameNodes.all().get(1).rpcAddress());
            addresses.put("http2", nameNodes.all().get(1).httpAddress());
        }
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
        nameNodes.close();
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
