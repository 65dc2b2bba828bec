package io.quarry.dfs.datanode.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.fault.FaultHandler;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.RetryPolicy;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.time.Clock;
import io.quarry.dfs.datanode.storage.Dataset;
import io.quarry.dfs.datanode.transfer.ReplicaEvents;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.datanode.BlockReport;
import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;
import io.quarry.dfs.protocol.datanode.DatanodeCommand;
import io.quarry.dfs.protocol.datanode.Heartbeat;
import io.quarry.dfs.protocol.datanode.HeartbeatReply;
import io.quarry.dfs.protocol.datanode.IncrementalBlockReport;
import io.quarry.dfs.protocol.datanode.RegisterDatanode;
import io.quarry.dfs.protocol.datanode.RegistrationReply;
import io.quarry.dfs.protocol.datanode.ReplicaChange;
import io.quarry.dfs.protocol.datanode.ReplicaChangeType;
import io.quarry.dfs.protocol.datanode.ReportCorruptReplica;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The DataNode's side of the NameNode conversation, on one named thread: register (retrying
 * until the NameNode answers), full block reports, heartbeats whose replies carry commands,
 * and incremental reports sent as soon as replicas change.
 */
public final class NameNodeService implements ReplicaEvents, NameNodeCalls, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameNodeService.class);
    private static final RetryPolicy ONE_ATTEMPT = RetryPolicy.none();
    private static final long MAX_WAIT_MILLIS = 100;
    private static final long REGISTER_BACKOFF_MILLIS = 500;
    public static final String SOFTWARE_VERSION = "quarry-0.1.0";

    /** Checks the cluster id a NameNode answered with; throws when this storage belongs to another cluster. */
    public interface ClusterIdCheck {
        void accept(String clusterId) throws IOException;
    }

    private final String name;
    private final RpcClient rpc;
    private final HostAndPort nameNode;
    private final Dataset dataset;
    private final Supplier<DatanodeId> id;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final Duration blockReportInterval;
    private final Duration rpcTimeout;
    private final IntSupplier activeTransfers;
    private final ClusterIdCheck clusterIdCheck;
    private final FaultHandler faultHandler;
    private final ReportQueue reports = new ReportQueue();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean blockReportRequested = new AtomicBoolean();
    private volatile boolean registered;
    private volatile long heartbeats;
    private Thread thread;
    private CommandSink commandHandler = (epoch, commands) -> { };

    /** Receives the commands of every heartbeat reply (often none) with the HA epoch of the NameNode that sent them. */
    @FunctionalInterface
    public interface CommandSink {
        void accept(long epoch, List<DatanodeCommand> commands);
    }
    private long nextHeartbeat;
    private long failedHeartbeats;
    private long nextBlockReport;

    public NameNodeService(String name, RpcClient rpc, HostAndPort nameNode, Dataset dataset, Supplier<DatanodeId> id, Clock clock,
                           Duration heartbeatInterval, Duration blockReportInterval, Duration rpcTimeout, IntSupplier activeTransfers,
                           ClusterIdCheck clusterIdCheck, FaultHandler faultHandler) {
        this.name = requireNonNull(name, "name is null");
        this.rpc = requireNonNull(rpc, "rpc is null");
        this.nameNode = requireNonNull(nameNode, "nameNode is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.id = requireNonNull(id, "id is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.heartbeatInterval = requireNonNull(heartbeatInterval, "heartbeatInterval is null");
        this.blockReportInterval = requireNonNull(blockReportInterval, "blockReportInterval is null");
        this.rpcTimeout = requireNonNull(rpcTimeout, "rpcTimeout is null");
        this.activeTransfers = requireNonNull(activeTransfers, "activeTransfers is null");
        this.clusterIdCheck = requireNonNull(clusterIdCheck, "clusterIdCheck is null");
        this.faultHandler = requireNonNull(faultHandler, "faultHandler is null");
    }

    public void start(Consumer<List<DatanodeCommand>> commands) {
        requireNonNull(commands, "commands is null");
        start((epoch, list) -> {
            if (!list.isEmpty()) {
                commands.accept(list);
            }
        });
    }

    public void start(CommandSink commands) {
        this.commandHandler = requireNonNull(commands, "commands is null");
        running.set(true);
        thread = Threads.named(name + "-namenode-service-%d").newThread(this::run);
        thread.start();
    }

    public boolean isRegistered() {
        return registered;
    }

    public long heartbeatsSent() {
        return heartbeats;
    }

    /** Sends a full block report as soon as possible. */
    public void triggerBlockReport() {
        blockReportRequested.set(true);
        reports.wake();
    }

    @Override
    public void receiving(Block block) {
        reports.add(block, ReplicaChangeType.RECEIVING);
    }

    @Override
    public void received(Block block) {
        reports.add(block, ReplicaChangeType.RECEIVED);
    }

    public void deleted(Block block) {
        reports.add(block, ReplicaChangeType.DELETED);
    }

    @Override
    public void corrupt(Block block, String reason) {
        LOG.warn("{}: replica {} is corrupt: {}", name, block, reason);
        reports.addCorrupt(new ReportCorruptReplica(id.get().uuid(), block, reason));
    }

    @Override
    public void commitBlockSynchronization(CommitBlockSynchronization commit) throws IOException {
        rpc.call(nameNode, commit, Ack.class);
    }

    private void run() {
        while (running.get()) {
            try {
                if (!registered) {
                    register();
                } else {
                    serve();
                }
            } catch (InterruptedException e) {
                return;
            } catch (ClusterMismatchException e) {
                running.set(false);
                faultHandler.handle(name + ": refusing to serve NameNode " + nameNode, e);
                return;
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.error("{}: NameNode service failed; retrying", name, e);
                    pauseQuietly();
                }
            }
        }
    }

    private void register() throws InterruptedException {
        DatanodeId self = id.get();
        RegistrationReply reply;
        try {
            reply = rpc.call(nameNode, new RegisterDatanode(self, dataset.capacity(), SOFTWARE_VERSION), RegistrationReply.class,
                    rpcTimeout, ONE_ATTEMPT);
        } catch (IOException e) {
            LOG.debug("{}: cannot register with NameNode {}: {}", name, nameNode, e.getMessage());
            pause(REGISTER_BACKOFF_MILLIS);
            return;
        }
        try {
            clusterIdCheck.accept(reply.clusterId());
        } catch (IOException e) {
            throw new ClusterMismatchException(e.getMessage(), e);
        }
        registered = true;
        LOG.info("{}: registered with NameNode {} as {} (cluster {})", name, nameNode, self, reply.clusterId());
        long now = clock.monotonicMillis();
        nextHeartbeat = now;
        nextBlockReport = now;
    }

    private void serve() throws InterruptedException {
        long now = clock.monotonicMillis();
        if (blockReportRequested.getAndSet(false) || now >= nextBlockReport) {
            if (!call(new BlockReport(id.get().uuid(), dataset.report()), "block report")) {
                return;
            }
            nextBlockReport = now + blockReportInterval.toMillis();
        }
        sendReports();
        if (clock.monotonicMillis() >= nextHeartbeat) {
            nextHeartbeat = clock.monotonicMillis() + heartbeatInterval.toMillis();
            heartbeat();
        }
        if (!reports.hasPending()) {
            long wait = Math.min(MAX_WAIT_MILLIS, Math.min(nextHeartbeat, nextBlockReport) - clock.monotonicMillis());
            reports.await(Math.max(1, wait));
        }
    }

    private void heartbeat() {
        HeartbeatReply reply;
        try {
            reply = rpc.call(nameNode, new Heartbeat(id.get().uuid(), dataset.capacity(), dataset.dfsUsed(), dataset.remaining(),
                    activeTransfers.getAsInt(), 0), HeartbeatReply.class, rpcTimeout, ONE_ATTEMPT);
        } catch (IOException e) {
            // A NameNode of an HA pair may be down for long: say so once per outage, not at every beat.
            if (failedHeartbeats++ == 0) {
                LOG.warn("{}: heartbeat to NameNode {} failed: {}", name, nameNode, e.getMessage());
            } else {
                LOG.debug("{}: heartbeat to NameNode {} failed again: {}", name, nameNode, e.getMessage());
            }
            return;
        }
        if (failedHeartbeats > 0) {
            LOG.info("{}: NameNode {} answers heartbeats again after {} failures", name, nameNode, failedHeartbeats);
            failedHeartbeats = 0;
        }
        heartbeats++;
        if (reply.reRegister()) {
            LOG.info("{}: NameNode {} asked this DataNode to register again", name, nameNode);
            registered = false;
            return;
        }
        // Every reply's epoch, with commands or none: an active that has not commanded this DataNode yet
        // still makes its epoch known, so that a deposed active of an older epoch (thawed after a freeze,
        // not yet aware) cannot have replicas it never heard of deleted.
        commandHandler.accept(reply.epoch(), reply.commands());
    }

    private void sendReports() {
        List<ReplicaChange> changes = reports.drainChanges();
        if (!changes.isEmpty() && !call(new IncrementalBlockReport(id.get().uuid(), changes), "incremental block report")) {
            reports.requeueChanges(changes);
        }
        List<ReportCorruptReplica> corrupt = reports.drainCorrupt();
        for (int i = 0; i < corrupt.size(); i++) {
            if (!call(corrupt.get(i), "corrupt replica report")) {
                reports.requeueCorrupt(corrupt.subList(i, corrupt.size()));
                return;
            }
        }
    }

    private boolean call(Object request, String what) {
        try {
            rpc.call(nameNode, request, Ack.class, rpcTimeout, ONE_ATTEMPT);
            return true;
        } catch (IOException e) {
            LOG.warn("{}: {} to NameNode {} failed: {}", name, what, nameNode, e.getMessage());
            pauseQuietly();
            return false;
        }
    }

    private void pauseQuietly() {
        try {
            pause(MAX_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(long millis) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        reports.await(millis);
    }

    @Override
    public void close() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class ClusterMismatchException extends RuntimeException {
        ClusterMismatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
