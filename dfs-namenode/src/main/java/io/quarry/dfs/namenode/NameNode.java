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
import io.quarry.dfs.namenode.namespace.GroupResolver;
import io.quarry.dfs.namenode.rpc.CallerResolver;
import io.quarry.dfs.namenode.rpc.NameNodeRpcService;

/**
 * The QFS NameNode daemon: loads the namespace (checkpoint + journal), then serves clients and
 * DataNodes on one RPC port, with a status page and metrics on its HTTP port. Stops in reverse
 * start order; {@link #abort()} stops without syncing or checkpointing, as a crash would.
 */
public final class NameNode implements Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(NameNode.class);

    private final NameNodeCore core;
    private final ScheduledExecutorService timer;
    private final RpcServer rpc;
    private final StatusServer http;
    private final NameNodeMetrics metrics;
    private volatile boolean closed;

    private NameNode(NameNodeCore core, ScheduledExecutorService timer, RpcServer rpc, StatusServer http, NameNodeMetrics metrics) {
        this.core = core;
        this.timer = timer;
        this.rpc = rpc;
        this.http = http;
        this.metrics = metrics;
    }

    public static NameNode start(Configuration conf) throws IOException {
        return start(conf, Clock.system(), new LoggingFaultHandler("namenode"));
    }

    public static NameNode start(Configuration conf, Clock clock, FaultHandler faultHandler) throws IOException {
        requireNonNull(conf, "conf is null");
        NameNodeConfig config = NameNodeConfig.from(conf);
        LOG.info("Starting NameNode with settings {}", conf.asMap());
        NameNodeCore core = NameNodeCore.load(config, clock, faultHandler, KryoCodec.shared(), new Random());
        ScheduledExecutorService timer = null;
        RpcServer rpc = null;
        try {
            NameNodeMetrics metrics = new NameNodeMetrics(core::stats, core.journal()::syncCount, core.checkpointer()::count);
            timer = Executors.newSingleThreadScheduledExecutor(Threads.named("namenode-timer-%d"));
            Monitors monitors = core.monitors();
            runFirstTick(core);
            long tickMillis = Math.max(1, config.monitorInterval().toMillis());
            timer.scheduleWithFixedDelay(() -> core.controller().event("tick", monitors::tick), 0, tickMillis, TimeUnit.MILLISECONDS);
            CallerResolver callers = new CallerResolver(new GroupResolver(conf), config.superuser(), config.superuserGroup());
            // The service only queues calls for the controller, so it runs on the I/O threads; the
            // rare OS group lookup for a new user goes to the timer thread instead.
            rpc = RpcServer.startNonBlocking("namenode", config.rpcBindAddress(),
                    new NameNodeRpcService(core.controller(), core.ops(), callers, metrics, timer), conf, clock);
            StatusServer http = StatusServer.start("namenode", config.httpAddress(), metrics.registry(), core::status);
            LOG.info("NameNode of cluster {} serving RPC on {} and HTTP on {}", core.clusterId(), rpc.address(), http.address());
            return new NameNode(core, timer, rpc, http, metrics);
        } catch (IOException | RuntimeException e) {
            if (rpc != null) {
                rpc.close();
            }
            if (timer != null) {
                timer.shutdownNow();
            }
            core.close();
            throw e;
        }
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

    public HostAndPort rpcAddress() {
        return rpc.address();
    }

    public HostAndPort httpAddress() {
        return http.address();
    }

    public boolean isInSafeMode() {
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
        stop(failures, "HTTP server", http::close);
        stop(failures, "RPC server", rpc::close);
        stop(failures, "timer", () -> {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        });
        stop(failures, "final checkpoint", () -> checkpoint().get(60, TimeUnit.SECONDS));
        stop(failures, "namespace", core::close);
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
        core.abort();
        rpc.close();
        http.close();
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
