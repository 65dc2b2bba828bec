package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.client.ReportBadBlocks;
import io.quarry.dfs.protocol.datanode.BlockReport;
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
    private final MetadataState state;

    public DatanodeOps(MetadataState state) {
        this.state = requireNonNull(state, "state is null");
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
        return new HeartbeatReply(state.datanodes().takeCommands(node), false);
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
        return null;
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
