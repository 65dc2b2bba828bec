package io.quarry.dfs.datanode;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.Configuration;
import io.quarry.common.fault.FaultHandler;
import io.quarry.common.fault.LoggingFaultHandler;
import io.quarry.common.http.StatusServer;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.common.metrics.MetricsRegistry;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.time.Clock;
import io.quarry.dfs.datanode.metrics.DataNodeMetrics;
import io.quarry.dfs.datanode.scanner.BlockScanner;
import io.quarry.dfs.datanode.service.CommandExecutor;
import io.quarry.dfs.datanode.service.NameNodeService;
import io.quarry.dfs.datanode.service.NameNodeServices;
import io.quarry.dfs.datanode.storage.DataStorage;
import io.quarry.dfs.datanode.storage.Dataset;
import io.quarry.dfs.datanode.storage.Replica;
import io.quarry.dfs.datanode.storage.StorageDirectory;
import io.quarry.dfs.datanode.transfer.TransferContext;
import io.quarry.dfs.datanode.transfer.TransferServer;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.ReplicaState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The DataNode daemon: checksummed block storage in its data directories, the data transfer
 * server, the NameNode service (registration, heartbeats, reports, commands), the block scanner
 * and the HTTP status server. Stops in reverse start order.
 */
public final class DataNode implements Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(DataNode.class);

    private final String name;
    private final DataStorage storage;
    private final Dataset dataset;
    private final DataNodeMetrics metrics;
    private final ExecutorService diskExecutor;
    private final EventLoopGroup eventLoops;
    private final RpcClient rpc;
    private final NameNodeServices nameNodeService;
    private final TransferServer transferServer;
    private final StatusServer statusServer;
    private final BlockScanner scanner;
    private final DatanodeId id;
    private boolean closed;

    private DataNode(DataNodeConfig config, Configuration conf, Clock clock, FaultHandler faultHandler) throws IOException {
        this.storage = DataStorage.open(config.dataDirs(), config.dataDirPermission());
        try {
            this.name = "datanode@" + registrationHost(config) + "/" + storage.datanodeUuid().substring(0, 8);
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
        String host = registrationHost(config);
        this.dataset = new Dataset(storage.directories(), name);
        try {
            dataset.load();
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
        MetricsRegistry registry = new MetricsRegistry();
        this.metrics = new DataNodeMetrics(registry);
        registry.gauge("quarry_datanode_replicas", "Replicas held.", () -> dataset.replicas().size());
        registry.gauge("quarry_datanode_capacity_bytes", "Capacity of the data directories.", dataset::capacity);
        registry.gauge("quarry_datanode_remaining_bytes", "Free space in the data directories.", dataset::remaining);
        registry.gauge("quarry_datanode_dfs_used_bytes", "Bytes used by replicas.", dataset::dfsUsed);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.transferThreads(), config.transferThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Threads.named(name + "-disk-%d"));
        pool.allowCoreThreadTimeOut(true);
        this.diskExecutor = pool;
        this.eventLoops = NettyTransport.newGroup(Math.max(2, Runtime.getRuntime().availableProcessors()), Threads.named(name + "-transfer-%d"));
        this.rpc = new RpcClient(name, conf);
        DatanodeId[] self = new DatanodeId[1];
        List<NameNodeService> services = new ArrayList<>();
        for (HostAndPort nameNode : config.nameNodeAddresses()) {
            services.add(new NameNodeService(config.nameNodeAddresses().size() == 1 ? name : name + "-" + nameNode, rpc, nameNode,
                    dataset, () -> self[0], clock, config.heartbeatInterval(), config.blockReportInterval(), config.rpcTimeout(),
                    pool::getActiveCount, storage::acceptClusterId, faultHandler));
        }
        this.nameNodeService = new NameNodeServices(services);
        TransferServer transfer = null;
        StatusServer status = null;
        try {
            TransferContext context = new TransferContext(name, dataset, diskExecutor, eventLoops, nameNodeService, metrics,
                    config.syncOnClose(), (int) config.connectTimeout().toMillis(), config.socketTimeout().toMillis());
            transfer = TransferServer.start(config.transferAddress(), context, eventLoops);
            status = StatusServer.start("datanode", config.httpAddress(), registry, this::status);
        } catch (IOException | RuntimeException e) {
            if (transfer != null) {
                transfer.close();
            }
            shutdownExecutors(eventLoops, diskExecutor);
            rpc.close();
            storage.close();
            throw e;
        }
        this.transferServer = transfer;
        this.statusServer = status;
        this.id = new DatanodeId(storage.datanodeUuid(), host, transferServer.address().port(), statusServer.address().port());
        self[0] = id;
        this.scanner = new BlockScanner(name, dataset, nameNodeService, metrics, clock, config.scanPeriod());
        CommandExecutor commands = new CommandExecutor(name, dataset, diskExecutor, nameNodeService, eventLoops, metrics,
                config.connectTimeout().plus(config.rpcTimeout()));
        nameNodeService.start(commands::execute);
        scanner.start();
        LOG.info("{}: started with {} replicas in {}; data {}, http {}, NameNode {}", name, dataset.replicas().size(),
                storage.directories(), transferServer.address(), statusServer.address(), config.nameNodeAddresses());
    }

    public static DataNode start(Configuration conf) throws IOException {
        return start(conf, Clock.system(), new LoggingFaultHandler("datanode"));
    }

    public static DataNode start(Configuration conf, Clock clock, FaultHandler faultHandler) throws IOException {
        requireNonNull(conf, "conf is null");
        return new DataNode(DataNodeConfig.from(conf), conf, requireNonNull(clock, "clock is null"),
                requireNonNull(faultHandler, "faultHandler is null"));
    }

    static String registrationHost(DataNodeConfig config) throws IOException {
        if (config.hostname() != null && !config.hostname().isBlank()) {
            return config.hostname();
        }
        String bindHost = config.transferAddress().host();
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::") && !bindHost.isEmpty()) {
            return bindHost;
        }
        return InetAddress.getLocalHost().getHostName();
    }

    public DatanodeId id() {
        return id;
    }

    public HostAndPort transferAddress() {
        return new HostAndPort(id.host(), id.dataPort());
    }

    public HostAndPort httpAddress() {
        return statusServer.address();
    }

    /** The on-disk block file of a finalized replica, or null; tests use it to corrupt replicas. */
    public java.nio.file.Path blockFile(long blockId) {
        Replica replica = dataset.get(blockId);
        return replica == null || replica.state() != ReplicaState.FINALIZED ? null : replica.blockFile();
    }

    public List<java.nio.file.Path> dataDirectories() {
        return storage.directories().stream().map(StorageDirectory::root).toList();
    }

    public MetricsRegistry metrics() {
        return metrics.registry();
    }

    /** Replicas this DataNode holds, for tests and the status page. */
    public Dataset dataset() {
        return dataset;
    }

    public boolean isRegistered() {
        return nameNodeService.isRegistered();
    }

    public void triggerBlockReport() {
        nameNodeService.triggerBlockReport();
    }

    /** Verifies every finalized replica now; returns how many were corrupt. */
    public int scanNow() {
        return scanner.scanNow();
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("uuid", id == null ? storage.datanodeUuid() : id.uuid());
        status.put("transferAddress", id == null ? "" : id.toString());
        status.put("registered", nameNodeService.isRegistered());
        status.put("replicas", dataset.replicas().size());
        status.put("capacity", dataset.capacity());
        status.put("dfsUsed", dataset.dfsUsed());
        status.put("remaining", dataset.remaining());
        status.put("dataDirectories", dataDirectories().stream().map(Object::toString).toList());
        return status;
    }

    @Override
    public String role() {
        return "datanode";
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        return Map.of("data", transferAddress(), "http", httpAddress());
    }

    /** Stops at once, as if the process were killed: sockets and threads close with no drain. */
    public synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.warn("{}: aborting", name);
        List<Throwable> failures = new ArrayList<>();
        run(failures, transferServer::close);
        run(failures, () -> eventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly());
        run(failures, diskExecutor::shutdownNow);
        run(failures, dataset::closeWriters);
        run(failures, nameNodeService::close);
        run(failures, scanner::close);
        run(failures, rpc::close);
        run(failures, statusServer::close);
        run(failures, storage::close);
        logFailures(failures);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        run(failures, scanner::close);
        run(failures, nameNodeService::close);
        run(failures, transferServer::close);
        run(failures, () -> shutdownExecutors(eventLoops, diskExecutor));
        run(failures, dataset::closeWriters);
        run(failures, rpc::close);
        run(failures, statusServer::close);
        run(failures, storage::close);
        logFailures(failures);
        LOG.info("{}: stopped in {} ms", name, (System.nanoTime() - started) / 1_000_000L);
    }

    private static void shutdownExecutors(EventLoopGroup eventLoops, ExecutorService diskExecutor) {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        diskExecutor.shutdown();
        try {
            if (!diskExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                diskExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            diskExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<Throwable> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private void logFailures(List<Throwable> failures) {
        for (Throwable failure : failures) {
            LOG.warn("{}: error while stopping", name, failure);
        }
    }

    public static void main(String[] args) {
        System.exit(DaemonRunner.run("datanode", args, DataNode::start));
    }

}
