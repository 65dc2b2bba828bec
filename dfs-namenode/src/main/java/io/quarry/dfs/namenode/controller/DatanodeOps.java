package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.client.ReportBadBlocks;
import io.quarry.dfs.protocol.datanode.BlockReport;
import io.quarry.dfs.protocol.datanode.DatanodeCommand;
import io.quarry.dfs.protocol.datanode.ReplicaChangeType;
import io.quarry.dfs.protocol.datanode.Heartbeat;
import io.quarry.dfs.protocol.datanode.HeartbeatReply;
import io.quarry.dfs.protocol.datanode.IncrementalBlockReport;
import io.quarry.dfs.protocol.datanode.RegisterDatanode;
import io.quarry.dfs.protocol.datanode.RegistrationReply;
import io.quarry.dfs.protocol.datanode.ReplicaChange;
import io.quarry.dfs.protocol.datanode.ReportCorruptReplica;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;

/** The DataNode protocol: registration, heartbeats, block reports and corruption reports. In memory only. */
public final class DatanodeOps {
    /** Replica changes a standby holds until the journal it tails names their blocks. */
    private static final int MAX_HELD_CHANGES = 100_000;

    private final MetadataState state;
    private final ServiceRole role;
    private final Deque<HeldChange> held = new ArrayDeque<>();

    private record HeldChange(String datanodeUuid, ReplicaChange change) {
    }

    public DatanodeOps(MetadataState state) {
        this(state, ServiceRole.active());
    }

    public DatanodeOps(MetadataState state, ServiceRole role) {
        this.state = requireNonNull(state, "state is null");
        this.role = requireNonNull(role, "role is null");
    }

    public RegistrationReply register(RegisterDatanode request) {
        state.datanodes().register(request.id(), request.capacity());
        return new RegistrationReply(state.clusterId());
    }

    public HeartbeatReply heartbeat(Heartbeat request) {
        DatanodeDescriptor node = state.datanodes().heartbeat(request);
        if (node == null) {
            return new HeartbeatReply(List.of(), true);
        }
        List<DatanodeCommand> commands = state.datanodes().takeCommands(node);
        // Only the active commands DataNodes; a standby's view may lag the journal by a few entries.
        return new HeartbeatReply(role.isActive() ? commands : List.of(), false, role.epoch());
    }

    private DatanodeDescriptor registered(String op, String uuid) throws QuarryException {
        DatanodeDescriptor node = state.datanodes().live(uuid);
        if (node == null) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, op + " from DataNode " + uuid
                    + ": not registered (or declared dead); register first");
        }
        return node;
    }

    public Object blockReport(BlockReport request) throws QuarryException {
        DatanodeDescriptor node = registered("blockReport", request.datanodeUuid());
        state.blocks().fullReport(node, request.replicas());
        return null;
    }

    public Object incrementalReport(IncrementalBlockReport request) throws QuarryException {
        DatanodeDescriptor node = registered("incrementalBlockReport", request.datanodeUuid());
        for (ReplicaChange change : request.changes()) {
            if (!role.isActive() && change.type() != ReplicaChangeType.DELETED && state.blocks().get(change.block().blockId()) == null) {
                hold(node, change);
                continue;
            }
            applyChange(node, change);
        }
        return null;
    }

    /** A standby was told of a replica of a block it has not yet read from the journal: keep the news until it has. */
    private void hold(DatanodeDescriptor node, ReplicaChange change) {
        if (held.size() >= MAX_HELD_CHANGES) {
            held.pollFirst();
        }
        held.addLast(new HeldChange(node.uuid(), change));
    }

    /** After journal entries were applied on a standby: applies the held changes whose blocks are now known. */
    public void applyHeldChanges() {
        for (Iterator<HeldChange> it = held.iterator(); it.hasNext(); ) {
            HeldChange next = it.next();
            if (state.blocks().get(next.change().block().blockId()) == null) {
                continue;
            }
            it.remove();
            DatanodeDescriptor node = state.datanodes().live(next.datanodeUuid());
            if (node != null) {
                try {
                    applyChange(node, next.change());
                } catch (QuarryException e) {
                    // cannot happen for the change types held
                }
            }
        }
    }

    public int heldChanges() {
        return held.size();
    }

    private void applyChange(DatanodeDescriptor node, ReplicaChange change) throws QuarryException {
        {
            long blockId = change.block().blockId();
            switch (change.type()) {
                case RECEIVING -> state.blocks().reportReplica(node, blockId, change.block().generationStamp(),
                        change.block().numBytes(), ReplicaState.RBW);
                case RECEIVED -> {
                    state.blocks().reportReplica(node, blockId, change.block().generationStamp(), change.block().numBytes(),
                            ReplicaState.FINALIZED);
                    state.pendingTransfers().arrived(blockId, node.uuid());
                }
                case DELETED -> state.blocks().removeReplica(node, blockId);
                default -> throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Unknown replica change " + change.type());
            }
        }
    }

    public Object reportCorruptReplica(ReportCorruptReplica request) throws QuarryException {
        DatanodeDescriptor node = registered("reportCorruptReplica", request.datanodeUuid());
        state.blocks().markCorrupt(node, request.block(), request.reason());
        return null;
    }

    public Object reportBadBlocks(ReportBadBlocks request) {
        for (LocatedBlock located : request.blocks()) {
            for (DatanodeId id : located.locations()) {
                DatanodeDescriptor node = state.datanodes().get(id.uuid());
                if (node != null) {
                    state.blocks().markCorrupt(node, located.block(), "reported by a reader");
                }
            }
        }
        return null;
    }

    /** Declares silent DataNodes dead and drops their replicas. */
    public void checkDead() {
        for (DatanodeDescriptor node : state.datanodes().checkDead()) {
            state.blocks().nodeDead(node);
        }
    }
}
