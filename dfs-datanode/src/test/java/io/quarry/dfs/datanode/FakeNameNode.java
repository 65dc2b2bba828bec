package io.quarry.dfs.datanode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.CallContext;
import io.quarry.common.rpc.RpcServer;
import io.quarry.common.rpc.RpcService;
import io.quarry.common.time.Clock;
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

/** A hand-written NameNode for DataNode tests: answers registration, heartbeats and reports, and records them. */
final class FakeNameNode implements RpcService, AutoCloseable {
    final List<RegisterDatanode> registrations = new CopyOnWriteArrayList<>();
    final List<BlockReport> blockReports = new CopyOnWriteArrayList<>();
    final List<IncrementalBlockReport> incrementalReports = new CopyOnWriteArrayList<>();
    final List<ReportCorruptReplica> corruptReports = new CopyOnWriteArrayList<>();
    final List<CommitBlockSynchronization> commits = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<DatanodeCommand>> commands = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reRegister = new ConcurrentHashMap<>();
    private volatile String clusterId = "cluster-1";
    private final RpcServer server;

    FakeNameNode() throws QuarryException {
        this.server = RpcServer.start("fake-namenode", new HostAndPort("127.0.0.1", 0), this, Configuration.empty(), Clock.system());
    }

    HostAndPort address() {
        return server.address();
    }

    void setClusterId(String id) {
        this.clusterId = id;
    }

    void queueCommand(String datanodeUuid, DatanodeCommand command) {
        commands.computeIfAbsent(datanodeUuid, uuid -> new ConcurrentLinkedQueue<>()).add(command);
    }

    void askToReRegister(String datanodeUuid) {
        reRegister.put(datanodeUuid, true);
    }

    /** Replica changes of one type reported by one DataNode. */
    List<ReplicaChange> changes(String datanodeUuid, ReplicaChangeType type) {
        List<ReplicaChange> found = new ArrayList<>();
        for (IncrementalBlockReport report : incrementalReports) {
            if (report.datanodeUuid().equals(datanodeUuid)) {
                report.changes().stream().filter(change -> change.type() == type).forEach(found::add);
            }
        }
        return found;
    }

    boolean hasChange(String datanodeUuid, long blockId, ReplicaChangeType type) {
        return changes(datanodeUuid, type).stream().anyMatch(change -> change.block().blockId() == blockId);
    }

    BlockReport lastBlockReport(String datanodeUuid) {
        BlockReport last = null;
        for (BlockReport report : blockReports) {
            if (report.datanodeUuid().equals(datanodeUuid)) {
                last = report;
            }
        }
        return last;
    }

    @Override
    public CompletionStage<?> handle(CallContext context, Object request) {
        if (request instanceof RegisterDatanode register) {
            registrations.add(register);
            reRegister.remove(register.id().uuid());
            return CompletableFuture.completedFuture(new RegistrationReply(clusterId));
        }
        if (request instanceof Heartbeat heartbeat) {
            if (reRegister.getOrDefault(heartbeat.datanodeUuid(), false)) {
                return CompletableFuture.completedFuture(new HeartbeatReply(List.of(), true));
            }
            List<DatanodeCommand> due = new ArrayList<>();
            ConcurrentLinkedQueue<DatanodeCommand> queue = commands.get(heartbeat.datanodeUuid());
            DatanodeCommand next;
            while (queue != null && (next = queue.poll()) != null) {
                due.add(next);
            }
            return CompletableFuture.completedFuture(new HeartbeatReply(due, false));
        }
        if (request instanceof BlockReport report) {
            blockReports.add(report);
        } else if (request instanceof IncrementalBlockReport report) {
            incrementalReports.add(report);
        } else if (request instanceof ReportCorruptReplica report) {
            corruptReports.add(report);
        } else if (request instanceof CommitBlockSynchronization commit) {
            commits.add(commit);
        } else {
            return CompletableFuture.failedFuture(new QuarryException(ErrorCode.UNKNOWN_REQUEST, "fake NameNode cannot serve " + request));
        }
        return CompletableFuture.completedFuture(Ack.INSTANCE);
    }

    @Override
    public void close() {
        server.close();
    }
}
