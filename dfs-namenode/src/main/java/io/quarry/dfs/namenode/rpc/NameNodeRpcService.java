package io.quarry.dfs.namenode.rpc;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.rpc.CallContext;
import io.quarry.common.rpc.RpcService;
import io.quarry.dfs.namenode.NameNodeMetrics;
import io.quarry.dfs.namenode.controller.Controller;
import io.quarry.dfs.namenode.controller.ControllerResult;
import io.quarry.dfs.namenode.controller.Operations;
import io.quarry.dfs.namenode.controller.RetryCache;
import io.quarry.dfs.namenode.controller.ServiceRole;
import io.quarry.dfs.namenode.journal.JournalRecord;
import io.quarry.dfs.namenode.journal.Records;
import io.quarry.dfs.namenode.namespace.Caller;
import io.quarry.dfs.protocol.client.AbandonBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.Delete;
import io.quarry.dfs.protocol.client.Fsck;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetContentSummary;
import io.quarry.dfs.protocol.client.GetDatanodeReport;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.GetListing;
import io.quarry.dfs.protocol.client.GetServerDefaults;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.dfs.protocol.client.RecoverLease;
import io.quarry.dfs.protocol.client.Rename;
import io.quarry.dfs.protocol.client.RenewLease;
import io.quarry.dfs.protocol.client.ReportBadBlocks;
import io.quarry.dfs.protocol.client.SetOwner;
import io.quarry.dfs.protocol.client.SetPermission;
import io.quarry.dfs.protocol.client.SetReplication;
import io.quarry.dfs.protocol.client.SetSafeMode;
import io.quarry.dfs.protocol.client.UpdateBlockForPipeline;
import io.quarry.dfs.protocol.client.UpdatePipeline;
import io.quarry.dfs.protocol.datanode.BlockReport;
import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;
import io.quarry.dfs.protocol.datanode.Heartbeat;
import io.quarry.dfs.protocol.datanode.IncrementalBlockReport;
import io.quarry.dfs.protocol.datanode.RegisterDatanode;
import io.quarry.dfs.protocol.datanode.ReportCorruptReplica;

/** Routes every client and DataNode message to its operation in the controller's turn ({@link Controller}). Never blocks. */
public final class NameNodeRpcService implements RpcService {
    private final Controller controller;
    private final Operations ops;
    private final CallerResolver callers;
    private final NameNodeMetrics metrics;
    private final Executor groupLookups;
    private final ServiceRole role;
    private final RetryCache retryCache;

    /**
     * @param groupLookups runs the blocking OS lookup of a user's groups, the first time the user
     *                     calls, so the I/O thread that calls this service never blocks
     */
    public NameNodeRpcService(Controller controller, Operations ops, CallerResolver callers, NameNodeMetrics metrics,
                              Executor groupLookups) {
        this(controller, ops, callers, metrics, groupLookups, ServiceRole.active(), null);
    }

    /**
     * @param role        a standby refuses client calls with {@code STANDBY}
     * @param retryCache  when not null, every namespace change journals its answer under the
     *                    caller's client and call id, and a retried call gets that answer
     */
    public NameNodeRpcService(Controller controller, Operations ops, CallerResolver callers, NameNodeMetrics metrics,
                              Executor groupLookups, ServiceRole role, RetryCache retryCache) {
        this.role = requireNonNull(role, "role is null");
        this.retryCache = retryCache;
        this.controller = requireNonNull(controller, "controller is null");
        this.ops = requireNonNull(ops, "ops is null");
        this.callers = requireNonNull(callers, "callers is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.groupLookups = requireNonNull(groupLookups, "groupLookups is null");
    }

    @Override
    public CompletionStage<?> handle(CallContext context, Object request) {
        String name = request == null ? "null" : request.getClass().getSimpleName();
        metrics.op(name);
        CompletableFuture<?> result = callers.isResolved(context.user())
                ? route(context, request, name)
                : CompletableFuture.runAsync(() -> callers.resolve(context.user()), groupLookups)
                        .thenCompose(resolved -> route(context, request, name));
        result.whenComplete((reply, failure) -> {
            if (failure != null) {
                metrics.failed();
            }
        });
        return result;
    }

    private CompletableFuture<?> route(CallContext context, Object request, String name) {
        // DataNode protocol: no caller identity needed.
        if (request instanceof Heartbeat r) {
            return read(name, () -> ops.datanodes().heartbeat(r));
        } else if (request instanceof RegisterDatanode r) {
            return read(name, () -> ops.datanodes().register(r));
        } else if (request instanceof BlockReport r) {
            return read(name, () -> ops.datanodes().blockReport(r));
        } else if (request instanceof IncrementalBlockReport r) {
            return read(name, () -> ops.datanodes().incrementalReport(r));
        } else if (request instanceof ReportCorruptReplica r) {
            return read(name, () -> ops.datanodes().reportCorruptReplica(r));
        } else if (request instanceof CommitBlockSynchronization r) {
            return submit(context, name, () -> ops.leases().commitBlockSynchronization(r));
        }
        if (!role.isActive()) {
            return CompletableFuture.failedFuture(new QuarryException(ErrorCode.STANDBY, name
                    + " refused: this NameNode is a standby; ask the active one"));
        }
        Caller caller = callers.resolve(context.user());
        if (request instanceof GetFileInfo r) {
            return read(name, () -> ops.reads().getFileInfo(caller, r.path()));
        } else if (request instanceof GetListing r) {
            return read(name, () -> ops.reads().getListing(caller, r));
        } else if (request instanceof GetBlockLocations r) {
            return read(name, () -> ops.reads().getBlockLocations(caller, r));
        } else if (request instanceof GetContentSummary r) {
            return read(name, () -> ops.reads().getContentSummary(caller, r.path()));
        } else if (request instanceof GetServerDefaults) {
            return read(name, () -> ops.reads().serverDefaults());
        } else if (request instanceof Mkdirs r) {
            return submit(context, name, () -> ops.namespace().mkdirs(caller, r));
        } else if (request instanceof Create r) {
            return submit(context, name, () -> ops.namespace().create(caller, r, host(context)));
        } else if (request instanceof Rename r) {
            return submit(context, name, () -> ops.namespace().rename(caller, r));
        } else if (request instanceof Delete r) {
            return submit(context, name, () -> ops.namespace().delete(caller, r));
        } else if (request instanceof SetReplication r) {
            return submit(context, name, () -> ops.attributes().setReplication(caller, r));
        } else if (request instanceof SetPermission r) {
            return submit(context, name, () -> ops.attributes().setPermission(caller, r));
        } else if (request instanceof SetOwner r) {
            return submit(context, name, () -> ops.attributes().setOwner(caller, r));
        } else if (request instanceof AddBlock r) {
            return submit(context, name, () -> ops.blocks().addBlock(r));
        } else if (request instanceof Complete r) {
            return submit(context, name, () -> ops.blocks().complete(r));
        } else if (request instanceof AbandonBlock r) {
            return submit(context, name, () -> ops.blocks().abandonBlock(r));
        } else if (request instanceof UpdateBlockForPipeline r) {
            return submit(context, name, () -> ops.blocks().updateBlockForPipeline(r));
        } else if (request instanceof UpdatePipeline r) {
            return submit(context, name, () -> ops.blocks().updatePipeline(r));
        } else if (request instanceof RenewLease r) {
            return read(name, () -> {
                ops.state().leases().renew(r.clientName());
                return null;
            });
        } else if (request instanceof RecoverLease r) {
            return submit(context, name, () -> ops.leases().recoverLease(r));
        } else if (request instanceof ReportBadBlocks r) {
            return read(name, () -> ops.datanodes().reportBadBlocks(r));
        } else if (request instanceof SetSafeMode r) {
            return read(name, () -> ops.admin().setSafeMode(caller, r));
        } else if (request instanceof GetDatanodeReport) {
            return read(name, () -> ops.admin().datanodeReport());
        } else if (request instanceof Fsck r) {
            return read(name, () -> ops.fsck().run(r, caller.user(), ops.state().clock().currentTimeMillis()));
        }
        return CompletableFuture.failedFuture(new QuarryException(ErrorCode.UNKNOWN_REQUEST,
                "NameNode does not serve " + name));
    }

    /**
     * A namespace change. With a retry cache, a call already answered (a retry with the same
     * client and call id) gets its first answer; otherwise the answer is journalled with the change.
     */
    private <T> CompletableFuture<T> submit(CallContext context, String name, Controller.Operation<T> operation) {
        if (retryCache == null) {
            return controller.submit(name, operation);
        }
        return controller.submit(name, () -> {
            if (!role.isActive()) {
                throw new QuarryException(ErrorCode.STANDBY, name + " refused: this NameNode is no longer the active");
            }
            Optional<RetryCache.Answer> answered = retryCache.lookup(context.clientId(), context.callId());
            if (answered.isPresent()) {
                @SuppressWarnings("unchecked")
                T reply = (T) answered.get().reply();
                return ControllerResult.of(reply);
            }
            ControllerResult<T> result = operation.run();
            if (result.records().isEmpty()) {
                return result;
            }
            List<JournalRecord> records = new ArrayList<>(result.records());
            records.add(new Records.CallRecord(context.clientId(), context.callId(), result.reply()));
            return new ControllerResult<>(records, result.reply(), result.afterApply());
        });
    }

    /** An operation without journal records (answered once everything it may have seen is durable). */
    private <T> CompletableFuture<T> read(String name, Body<T> body) {
        return controller.read(name, () -> ControllerResult.of(body.run()));
    }

    @FunctionalInterface
    private interface Body<T> {
        T run() throws QuarryException;
    }

    private static String host(CallContext context) {
        if (context.remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return "";
    }
}
