package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import io.quarry.dfs.namenode.blocks.ReplicationMonitor;
import io.quarry.dfs.namenode.leases.LeaseManager;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeFile;

/**
 * The periodic work, run as one event on the controller thread at each timer tick: dead-node
 * check, safe mode, replication (not in safe mode), hard-limit lease recovery, checkpoints, and
 * the statistics snapshot other threads read.
 */
public final class Monitors {
    private static final long LEASE_CHECK_NANOS = 1_000_000_000L;

    private final MetadataState state;
    private final Controller controller;
    private final DatanodeOps datanodeOps;
    private final LeaseOps leaseOps;
    private final ReplicationMonitor replication;
    private final Checkpointer checkpointer;
    private final Runnable publishStats;
    private final ServiceRole role;
    private long nextReplicationNanos;
    private long nextLeaseCheckNanos;

    public Monitors(MetadataState state, Controller controller, DatanodeOps datanodeOps, LeaseOps leaseOps,
                    ReplicationMonitor replication, Checkpointer checkpointer, Runnable publishStats) {
        this(state, controller, datanodeOps, leaseOps, replication, checkpointer, publishStats, ServiceRole.active());
    }

    /** @param role a standby only tracks DataNodes and safe mode: replication, lease recovery and checkpoints are the active's */
    public Monitors(MetadataState state, Controller controller, DatanodeOps datanodeOps, LeaseOps leaseOps,
                    ReplicationMonitor replication, Checkpointer checkpointer, Runnable publishStats, ServiceRole role) {
        this.role = requireNonNull(role, "role is null");
        this.state = requireNonNull(state, "state is null");
        this.controller = requireNonNull(controller, "controller is null");
        this.datanodeOps = requireNonNull(datanodeOps, "datanodeOps is null");
        this.leaseOps = requireNonNull(leaseOps, "leaseOps is null");
        this.replication = requireNonNull(replication, "replication is null");
        this.checkpointer = requireNonNull(checkpointer, "checkpointer is null");
        this.publishStats = requireNonNull(publishStats, "publishStats is null");
    }

    public void tick() {
        long now = state.clock().nanoTime();
        datanodeOps.checkDead();
        state.safeMode().update(state.blocks().safeBlocks(), state.blocks().completeBlocks(), state.datanodes().liveCount());
        if (!role.isActive()) {
            publishStats.run();
            return;
        }
        if (!state.safeMode().isOn()) {
            if (now >= nextReplicationNanos) {
                nextReplicationNanos = now + state.config().redundancyInterval().toNanos();
                replication.run();
            }
            if (now >= nextLeaseCheckNanos) {
                nextLeaseCheckNanos = now + LEASE_CHECK_NANOS;
                recoverExpiredLeases();
            }
        }
        checkpointer.maybeCheckpoint();
        publishStats.run();
    }

    private void recoverExpiredLeases() {
        List<Long> files = new ArrayList<>();
        for (LeaseManager.Lease lease : state.leases().hardExpired()) {
            files.addAll(lease.fileIds());
        }
        for (long fileId : files) {
            controller.submit("leaseRecovery of inode " + fileId, () -> {
                INode node = state.directory().byId(fileId);
                if (!(node instanceof INodeFile file) || !file.isUnderConstruction()) {
                    return ControllerResult.of(null);
                }
                return leaseOps.startRecovery(file);
            });
        }
    }
}
