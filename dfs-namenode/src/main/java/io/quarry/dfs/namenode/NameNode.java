package io.quarry.dfs.namenode;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.Configuration;
import io.quarry.common.fault.FaultHandler;
import io.quarry.common.fault.LoggingFaultHandler;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.http.StatusServer;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RpcServer;
import io.quarry.common.time.Clock;
import io.quarry.dfs.namenode.controller.Controller;
import io.quarry.dfs.namenode.controller.ControllerResult;
import io.quarry.dfs.namenode.controller.Monitors;
import io.quarry.dfs.namenode.controller.Operations;
import io.quarry.dfs.namenode.controller.RetryCache;
import io.quarry.dfs.namenode.controller.ServiceRole;
import io.quarry.dfs.namenode.ha.ZkJournal;
import io.quarry.dfs.namenode.ha.ZkNameNodeStore;
import io.quarry.dfs.namenode.journal.NameDirectory;
import io.quarry.dfs.namenode.namespace.GroupResolver;
import io.quarry.dfs.namenode.rpc.CallerResolver;
import io.quarry.dfs.namenode.rpc.NameNodeRpcService;

/**
 * The QFS NameNode daemon: loads the namespace (checkpoint + journal), then serves clients and
 * DataNodes on one RPC port, with a status page and metrics on its HTTP port. Stops in reverse
 * start order; {@link #abort()} stops without syncing or checkpointing, as a crash would.
 */
public final class NameNode implements Daemon, HaSupervisor.Cores {
    private static final Logger LOG = LoggerFactory.getLogger(NameNode.class);

    private final NameNodeConfig config;
    private final Clock clock;
    private final FaultHandler faultHandler;
    private final CallerResolver callers;
    private final ScheduledExecutorService timer;
    private final NameNodeMetrics metrics;
    private final ZkNameNodeStore zk;
    private final String zkClusterId;
    private final java.time.Duration sessionTimeout;
    private volatile NameNodeCore core;
    private volatile NameNodeRpcService service;
    private RpcServer rpc;
    private StatusServer http;
    private HaSupervisor ha;
    private volatile boolean closed;

    private NameNode(NameNodeConfig config, Configuration conf, Clock clock, FaultHandler faultHandler, ZkNameNodeStore zk,
                     String zkClusterId, java.time.Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
        this.config = config;
        this.clock = clock;
        this.faultHandler = faultHandler;
        this.zk = zk;
        this.zkClusterId = zkClusterId;
        this.callers = new CallerResolver(new GroupResolver(conf), config.superuser(), config.superuserGroup());
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.named("namenode-timer-%d"));
        this.metrics = new NameNodeMetrics(() -> core.stats(), () -> core.journal().syncCount(), () -> core.checkpointer().count());
    }

    public static NameNode start(Configuration conf) throws IOException {
        return start(conf, Clock.system(), new LoggingFaultHandler("namenode"));
    }

    /**
     * Starts a NameNode. Without {@code ha.zookeeper.quorum} it runs alone on its local journal;
     * with it, it joins the NameNode election of the cluster's ZooKeeper namespace and starts as
     * a standby that follows the ZooKeeper journal.
     */
    public static NameNode start(Configuration conf, Clock clock, FaultHandler faultHandler) throws IOException {
        requireNonNull(conf, "conf is null");
        NameNodeConfig config = NameNodeConfig.from(conf);
        HaSettings haSettings = HaSettings.from(conf);
        LOG.info("Starting NameNode with settings {}", conf.asMap());
        ZkNameNodeStore zk = null;
        String zkClusterId = null;
        if (haSettings.enabled()) {
            zk = ZkNameNodeStore.connect(haSettings);
            try {
                zkClusterId = zk.clusterId(config.clusterId());
                NameDirectory.openOrFormat(config.nameDir(), zkClusterId);
            } catch (IOException | RuntimeException e) {
                zk.close();
                throw e;
            }
        }
        NameNode nameNode = new NameNode(config, conf, clock, faultHandler, zk, zkClusterId, haSettings.sessionTimeout());
        try {
            nameNode.startServing(conf);
            return nameNode;
        } catch (IOException | RuntimeException e) {
            nameNode.abort();
            throw e;
        }
    }

    private void startServing(Configuration conf) throws IOException {
        core = zk == null ? NameNodeCore.load(config, clock, faultHandler, KryoCodec.shared(), new Random()) : loadStandby();
        service = serviceFor(core);
        runFirstTick(core);
        long tickMillis = Math.max(1, config.monitorInterval().toMillis());
        timer.scheduleWithFixedDelay(() -> {
            NameNodeCore current = core;
            current.controller().event("tick", current.monitors()::tick);
        }, 0, tickMillis, TimeUnit.MILLISECONDS);
        // The service only queues calls for the controller, so it runs on the I/O threads; the
        // rare OS group lookup for a new user goes to the timer thread instead.
        rpc = RpcServer.startNonBlocking("namenode", config.rpcBindAddress(), (context, request) -> service.handle(context, request),
                conf, clock);
        http = StatusServer.start("namenode", config.httpAddress(), metrics.registry(), () -> core.status());
        if (zk != null) {
            metrics.registry().gauge("quarry_namenode_ha_active", "1 while this NameNode is the active of its HA pair, 0 as a standby.",
                    () -> core.role().isActive() ? 1 : 0);
            java.time.Duration grace = sessionTimeout.multipliedBy(3);
            ha = new HaSupervisor(zk, this, rpc.address().toString(),
                    grace.compareTo(java.time.Duration.ofSeconds(5)) < 0 ? java.time.Duration.ofSeconds(5) : grace);
            try {
                ha.start();
            } catch (Exception e) {
                throw new IOException("NameNode cannot join the election in ZooKeeper " + zk.quorum() + ": " + e.getMessage(), e);
            }
            LOG.info("NameNode of cluster {} serving RPC on {} and HTTP on {}; standby until elected (ZooKeeper {})",
                    core.clusterId(), rpc.address(), http.address(), zk.quorum());
        } else {
            LOG.info("NameNode of cluster {} serving RPC on {} and HTTP on {}", core.clusterId(), rpc.address(), http.address());
        }
    }

    private NameNodeRpcService serviceFor(NameNodeCore target) {
        return new NameNodeRpcService(target.controller(), target.ops(), callers, metrics, timer, target.role(), target.retryCache());
    }

    @Override
    public NameNodeCore current() {
        return core;
    }

    @Override
    public NameNodeCore loadStandby() throws IOException {
        KryoCodec codec = KryoCodec.shared();
        ZkJournal[] journal = new ZkJournal[1];
        journal[0] = zk.newJournal(codec, config.journalMaxBatch(), reason -> {
            HaSupervisor supervisor = ha;
            if (supervisor != null && core != null && core.journal() == journal[0]) {
                supervisor.fenced(reason);
            }
        });
        NameNodeCore.Storage storage = new NameNodeCore.Storage(zkClusterId, journal[0],
                zk.newImageStore(codec, zkClusterId, () -> ha == null ? null : ha.activeEpoch()));
        return NameNodeCore.load(config, clock, faultHandler, new Random(), storage, ServiceRole.standby(),
                new RetryCache(RetryCache.DEFAULT_CAPACITY));
    }

    @Override
    public void replace(NameNodeCore next) {
        NameNodeCore previous = core;
        try {
            runFirstTick(next);
        } catch (IOException e) {
            LOG.warn("First monitor run of the reloaded namespace failed: {}", e.toString());
        }
        core = next;
        service = serviceFor(next);
        previous.abort();
    }

    /** Evaluates safe mode (an empty namespace leaves it at once) before the first request is served. */
    private static void runFirstTick(NameNodeCore core) throws IOException {
        try {
            core.controller().submit("monitors", () -> {
                core.monitors().tick();
                return ControllerResult.of(null);
            }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting the NameNode", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("NameNode monitors failed at start: " + e.getMessage(), e);
        }
    }

    /** True when this NameNode serves clients: always without HA, only while elected with it. */
    public boolean isActive() {
        return core.role().isActive();
    }

    /** The ZooKeeper side of an HA NameNode, for tests that expire its session; empty without HA. */
    public java.util.Optional<ZkNameNodeStore> zooKeeperStore() {
        return java.util.Optional.ofNullable(zk);
    }

    public HostAndPort rpcAddress() {
        return rpc.address();
    }

    public HostAndPort httpAddress() {
        return http.address();
    }

    public boolean isInSafeMode() {
        NameNodeCore core = this.core;
        return core.ops().state().safeMode().isOn();
    }

    public String clusterId() {
        return core.clusterId();
    }

    public NameNodeMetrics metrics() {
        return metrics;
    }

    public NameNodeStats stats() {
        return core.stats();
    }

    /** Runs the periodic monitors once now (dead nodes, safe mode, replication, leases); completes when done. */
    public CompletableFuture<Void> runMonitors() {
        return core.controller().submit("monitors", () -> {
            core.monitors().tick();
            return ControllerResult.of(null);
        });
    }

    /** Takes a checkpoint now; completes with its txid once it is on disk. */
    public CompletableFuture<Long> checkpoint() {
        return core.controller().submit("checkpoint", () -> ControllerResult.of(core.checkpointer().checkpoint()))
                .thenCompose(f -> f);
    }

    Operations operations() {
        return core.ops();
    }

    Controller controller() {
        return core.controller();
    }

    @Override
    public String role() {
        return "namenode";
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        Map<String, HostAndPort> out = new LinkedHashMap<>();
        out.put("rpc", rpcAddress());
        out.put("http", httpAddress());
        return out;
    }

    /** Stops serving, checkpoints, syncs the journal and stops every thread, in reverse start order. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Throwable> failures = new ArrayList<>();
        if (http != null) {
            stop(failures, "HTTP server", http::close);
        }
        if (rpc != null) {
            stop(failures, "RPC server", rpc::close);
        }
        stop(failures, "timer", () -> {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        });
        if (core != null && core.role().isActive()) {
            stop(failures, "final checkpoint", () -> checkpoint().get(60, TimeUnit.SECONDS));
        }
        if (ha != null) {
            stop(failures, "HA supervisor", ha::close);
        }
        if (core != null) {
            stop(failures, "namespace", core::close);
        }
        if (zk != null) {
            stop(failures, "ZooKeeper client", zk::close);
        }
        if (failures.isEmpty()) {
            LOG.info("NameNode stopped");
        } else {
            LOG.warn("NameNode stopped with {} failure(s): {}", failures.size(), failures);
        }
    }

    /** Stops everything at once without syncing queued journal entries or checkpointing: a simulated crash. */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        if (ha != null) {
            ha.abort();
        }
        if (core != null) {
            core.abort();
        }
        if (zk != null) {
            zk.close();
        }
        if (rpc != null) {
            rpc.close();
        }
        if (http != null) {
            http.close();
        }
        LOG.info("NameNode aborted");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void stop(List<Throwable> failures, String what, Step step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        } catch (Exception e) {
            LOG.warn("Stopping the {} failed", what, e);
            failures.add(e);
        }
    }

    public static void main(String[] args) {
        System.exit(DaemonRunner.run("namenode", args, NameNode::start));
    }
}
