package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.blocks.BlockInfo;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.journal.JournalRecord;
import io.quarry.dfs.namenode.journal.Records;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.client.RecoverLease;
import io.quarry.dfs.protocol.client.RecoverLeaseReply;
import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;
import io.quarry.dfs.protocol.datanode.RecoverBlockCommand;

/**
 * Lease recovery: closing files whose writer went away. The last block is removed when no replica
 * of it was reported; otherwise it gets a new stamp and a DataNode holding it (the primary)
 * synchronizes the replicas and reports back with {@link CommitBlockSynchronization}.
 */
public final class LeaseOps {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseOps.class);
    /** The lease holder of files the NameNode is recovering. */
    public static final String RECOVERY_HOLDER = "NN_Recovery";

    private final MetadataState state;

    public LeaseOps(MetadataState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public ControllerResult<RecoverLeaseReply> recoverLease(RecoverLease request) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "recoverLease", request.path());
        state.safeMode().checkOff("recoverLease " + request.path());
        INode node = p.last();
        if (node == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "recoverLease " + request.path() + ": does not exist");
        }
        if (!(node instanceof INodeFile file)) {
            throw new QuarryException(ErrorCode.IS_A_DIRECTORY, "recoverLease " + request.path() + ": is a directory");
        }
        if (!file.isUnderConstruction()) {
            return ControllerResult.of(new RecoverLeaseReply(true));
        }
        String holder = file.clientName();
        if (!holder.equals(request.clientName()) && !holder.equals(RECOVERY_HOLDER) && !state.leases().softExpired(holder)) {
            return ControllerResult.of(new RecoverLeaseReply(false));
        }
        BlockInfo last = file.lastBlock() == null ? null : state.blocks().get(file.lastBlock().blockId());
        if (holder.equals(RECOVERY_HOLDER) && last != null && last.recoveryStamp() > 0) {
            return ControllerResult.of(new RecoverLeaseReply(false)); // already under way
        }
        return startRecovery(file);
    }

    /** Closes the file at once when its last block allows, else orders a block recovery. */
    public ControllerResult<RecoverLeaseReply> startRecovery(INodeFile file) {
        long now = state.clock().currentTimeMillis();
        Block last = file.lastBlock();
        if (last == null) {
            LOG.info("Lease recovery of {}: no blocks; closing it", file.fullPath());
            return ControllerResult.of(new RecoverLeaseReply(true), new Records.CloseFileRecord(file.id(), now));
        }
        BlockInfo info = state.blocks().get(last.blockId());
        List<DatanodeDescriptor> holders = state.blocks().currentHolders(info);
        if (holders.isEmpty()) {
            if (info.replicas().isEmpty()) {
                LOG.info("Lease recovery of {}: no replica of {} was reported; removing it and closing the file", file.fullPath(), info);
                return ControllerResult.of(new RecoverLeaseReply(true), new Records.RemoveBlockRecord(file.id(), last.blockId()),
                        new Records.CloseFileRecord(file.id(), now));
            }
            LOG.warn("Lease recovery of {}: no live holder of {}; will retry", file.fullPath(), info);
            return ControllerResult.of(new RecoverLeaseReply(false));
        }
        long stamp = state.directory().nextGenerationStamp();
        List<JournalRecord> records = new ArrayList<>();
        records.add(new Records.GenerationStampRecord(stamp));
        if (!RECOVERY_HOLDER.equals(file.clientName())) {
            records.add(new Records.ReassignLeaseRecord(file.id(), RECOVERY_HOLDER));
        }
        DatanodeDescriptor primary = choosePrimary(info, holders);
        List<DatanodeId> ids = holders.stream().map(DatanodeDescriptor::id).toList();
        return ControllerResult.of(new RecoverLeaseReply(false), records).then(() -> {
            info.setRecoveryStamp(stamp);
            state.leases().renew(RECOVERY_HOLDER);
            primary.queue(new RecoverBlockCommand(info.block(), stamp, ids));
            LOG.info("Lease recovery of {}: {} recovers {} at stamp {} with {}", file.fullPath(), primary, info, stamp, ids);
        });
    }

    private static DatanodeDescriptor choosePrimary(BlockInfo info, List<DatanodeDescriptor> holders) {
        for (DatanodeDescriptor node : holders) {
            if (info.replicas().get(node.uuid()).state() == ReplicaState.FINALIZED) {
                return node;
            }
        }
        return holders.get(0);
    }

    public ControllerResult<Object> commitBlockSynchronization(CommitBlockSynchronization request) throws QuarryException {
        String what = "commitBlockSynchronization " + request.oldBlock();
        BlockInfo info = state.blocks().get(request.oldBlock().blockId());
        if (info == null) {
            throw new QuarryException(ErrorCode.BLOCK_NOT_FOUND, what + ": no such block (file deleted?)");
        }
        INodeFile file = info.file();
        if (!file.isUnderConstruction()) {
            if (info.generationStamp() == request.newGenerationStamp()) {
                return ControllerResult.of(null); // a retry of a commit that succeeded
            }
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, what + ": " + file.fullPath() + " is already closed");
        }
        if (info.recoveryStamp() != request.newGenerationStamp()) {
            throw new QuarryException(ErrorCode.STALE_GENERATION, what + ": recovery of " + info + " is at stamp "
                    + info.recoveryStamp() + ", not " + request.newGenerationStamp());
        }
        List<JournalRecord> records = new ArrayList<>();
        long blockId = info.blockId();
        if (request.deleteBlock()) {
            records.add(new Records.RemoveBlockRecord(file.id(), blockId));
        } else {
            records.add(new Records.UpdateBlockRecord(file.id(), new Block(blockId, request.newGenerationStamp(), request.newLength())));
        }
        if (request.closeFile()) {
            records.add(new Records.CloseFileRecord(file.id(), state.clock().currentTimeMillis()));
        }
        return ControllerResult.of(null, records).then(() -> {
            info.setRecoveryStamp(0);
            if (!request.deleteBlock()) {
                for (String uuid : request.newTargetUuids()) {
                    DatanodeDescriptor node = state.datanodes().live(uuid);
                    if (node != null) {
                        state.blocks().reportReplica(node, blockId, request.newGenerationStamp(), request.newLength(),
                                ReplicaState.FINALIZED);
                    }
                }
            }
            LOG.info("Block recovery of {} committed: length {}, stamp {}, file {} {}", info, request.newLength(),
                    request.newGenerationStamp(), file.fullPath(), request.closeFile() ? "closed" : "still open");
        });
    }
}
