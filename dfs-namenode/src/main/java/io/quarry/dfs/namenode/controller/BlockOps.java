package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

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
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.client.AbandonBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.CompleteReply;
import io.quarry.dfs.protocol.client.UpdateBlockForPipeline;
import io.quarry.dfs.protocol.client.UpdatePipeline;

/** The write path of a file under its lease: allocate, commit, abandon and re-stamp blocks, and close the file. */
public final class BlockOps {
    private final MetadataState state;
    private final ReadOps reads;

    public BlockOps(MetadataState state, ReadOps reads) {
        this.state = requireNonNull(state, "state is null");
        this.reads = requireNonNull(reads, "reads is null");
    }

    /** The open file the client holds the lease of; renews that lease. */
    private INodeFile leased(String op, String path, long fileId, String clientName) throws QuarryException {
        INode node = fileId > 0 ? state.directory().byId(fileId) : state.directory().lookupPath(ResolvedPath.of(state.directory(), op, path).path());
        if (node == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, op + " " + path + ": file does not exist (inode " + fileId + ")");
        }
        if (!(node instanceof INodeFile file)) {
            throw new QuarryException(ErrorCode.IS_A_DIRECTORY, op + " " + path + ": is a directory");
        }
        if (!file.isUnderConstruction()) {
            throw new QuarryException(ErrorCode.LEASE_EXPIRED, op + " " + path + ": file is not open for writing");
        }
        if (!file.clientName().equals(clientName)) {
            throw new QuarryException(ErrorCode.LEASE_CONFLICT, op + " " + path + ": the lease is held by " + file.clientName()
                    + ", not " + clientName);
        }
        state.leases().renew(clientName);
        return file;
    }

    public ControllerResult<LocatedBlock> addBlock(AddBlock request) throws QuarryException {
        String op = "addBlock";
        state.safeMode().checkOff(op + " " + request.path());
        INodeFile file = leased(op, request.path(), request.fileId(), request.clientName());
        Block last = file.lastBlock();
        Block previous = request.previous();
        List<JournalRecord> records = new ArrayList<>();
        long offset = file.length();
        if (previous == null && last != null || previous != null && (last == null || previous.blockId() != last.blockId())) {
            int penultimate = file.blocks().size() - 2;
            boolean retry = last != null && last.numBytes() == 0 && (previous == null ? file.blocks().size() == 1
                    : penultimate >= 0 && file.blocks().get(penultimate).blockId() == previous.blockId());
            if (retry) {
                return ControllerResult.of(reads.locate(last, offset, request.clientHost()));
            }
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, op + " " + request.path() + ": previous block "
                    + previous + " is not the file's last block " + last);
        }
        if (previous != null) {
            checkStamp(op, request.path(), last, previous);
            if (previous.numBytes() != last.numBytes() || previous.generationStamp() != last.generationStamp()) {
                records.add(new Records.UpdateBlockRecord(file.id(), previous));
            }
            offset = offset - last.numBytes() + previous.numBytes();
        }
        List<DatanodeDescriptor> targets = state.placement().chooseTargets(file.replication(), request.clientHost(), List.of(),
                new HashSet<>(request.excludedNodes()), file.blockSize());
        if (targets.isEmpty()) {
            throw new QuarryException(ErrorCode.UNAVAILABLE, op + " " + request.path() + ": no DataNode can take a new block ("
                    + state.datanodes().liveCount() + " live, " + request.excludedNodes().size() + " excluded)");
        }
        long blockId = state.directory().nextBlockId();
        long stamp = state.directory().nextGenerationStamp();
        records.add(new Records.AddBlockRecord(file.id(), blockId, stamp));
        List<DatanodeId> ids = targets.stream().map(DatanodeDescriptor::id).toList();
        LocatedBlock located = new LocatedBlock(new Block(blockId, stamp, 0), offset, ids, false);
        return ControllerResult.of(located, records).then(() -> state.blocks().get(blockId).setExpectedLocations(ids));
    }

    private static void checkStamp(String op, String path, Block stored, Block given) throws QuarryException {
        if (given.generationStamp() < stored.generationStamp()) {
            throw new QuarryException(ErrorCode.STALE_GENERATION, op + " " + path + ": " + given + " is older than " + stored);
        }
    }

    public ControllerResult<CompleteReply> complete(Complete request) throws QuarryException {
        String op = "complete";
        state.safeMode().checkOff(op + " " + request.path());
        INode node = request.fileId() > 0 ? state.directory().byId(request.fileId()) : state.directory().lookupPath(request.path());
        if (node instanceof INodeFile closed && !closed.isUnderConstruction()) {
            Block last = closed.lastBlock();
            boolean same = request.last() == null ? last == null : last != null && last.blockId() == request.last().blockId();
            if (same) {
                return ControllerResult.of(new CompleteReply(true)); // a retry of a complete that succeeded
            }
        }
        INodeFile file = leased(op, request.path(), request.fileId(), request.clientName());
        Block last = file.lastBlock();
        List<JournalRecord> records = new ArrayList<>();
        Block committed = last;
        if (request.last() != null) {
            if (last == null || last.blockId() != request.last().blockId()) {
                throw new QuarryException(ErrorCode.INVALID_ARGUMENT, op + " " + request.path() + ": " + request.last()
                        + " is not the file's last block " + last);
            }
            checkStamp(op, request.path(), last, request.last());
            committed = request.last();
            if (!committed.equals(last)) {
                records.add(new Records.UpdateBlockRecord(file.id(), committed));
            }
        }
        if (committed != null && reportedReplicas(committed) < state.config().minReplication()) {
            return ControllerResult.of(new CompleteReply(false), records);
        }
        records.add(new Records.CloseFileRecord(file.id(), state.clock().currentTimeMillis()));
        return ControllerResult.of(new CompleteReply(true), records);
    }

    /** Finalized replicas at (or past) the block's stamp on live nodes. */
    private int reportedReplicas(Block block) {
        BlockInfo info = state.blocks().get(block.blockId());
        if (info == null) {
            return 0;
        }
        int count = 0;
        for (var entry : info.replicas().entrySet()) {
            BlockInfo.Replica replica = entry.getValue();
            if (replica.state() == ReplicaState.FINALIZED && replica.generationStamp() >= block.generationStamp()
                    && state.datanodes().live(entry.getKey()) != null && !info.corrupt().contains(entry.getKey())) {
                count++;
            }
        }
        return count;
    }

    public ControllerResult<Object> abandonBlock(AbandonBlock request) throws QuarryException {
        String op = "abandonBlock";
        state.safeMode().checkOff(op + " " + request.path());
        INodeFile file = leased(op, request.path(), request.fileId(), request.clientName());
        Block last = file.lastBlock();
        if (last == null || last.blockId() != request.block().blockId()) {
            if (file.blockIndex(request.block().blockId()) < 0) {
                return ControllerResult.of(null); // already abandoned
            }
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, op + " " + request.path() + ": " + request.block()
                    + " is not the file's last block " + last);
        }
        return ControllerResult.of(null, new Records.RemoveBlockRecord(file.id(), last.blockId()));
    }

    private BlockInfo openBlock(String op, Block block, String clientName) throws QuarryException {
        BlockInfo info = state.blocks().get(block.blockId());
        if (info == null) {
            throw new QuarryException(ErrorCode.BLOCK_NOT_FOUND, op + " " + block + ": no such block");
        }
        INodeFile file = info.file();
        leased(op, file.fullPath(), file.id(), clientName);
        if (file.lastBlock() == null || file.lastBlock().blockId() != block.blockId()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, op + " " + block + ": not the last block of " + file.fullPath());
        }
        return info;
    }

    public ControllerResult<LocatedBlock> updateBlockForPipeline(UpdateBlockForPipeline request) throws QuarryException {
        String op = "updateBlockForPipeline";
        state.safeMode().checkOff(op + " " + request.block());
        BlockInfo info = openBlock(op, request.block(), request.clientName());
        long stamp = state.directory().nextGenerationStamp();
        Block renewed = new Block(info.blockId(), stamp, request.block().numBytes());
        long offset = info.file().length() - info.numBytes();
        LocatedBlock located = new LocatedBlock(renewed, offset, info.expectedLocations(), false);
        return ControllerResult.of(located, new Records.GenerationStampRecord(stamp));
    }

    public ControllerResult<Object> updatePipeline(UpdatePipeline request) throws QuarryException {
        String op = "updatePipeline";
        state.safeMode().checkOff(op + " " + request.oldBlock());
        BlockInfo info = openBlock(op, request.oldBlock(), request.clientName());
        Block newBlock = request.newBlock();
        if (newBlock.blockId() != info.blockId() || newBlock.generationStamp() <= info.generationStamp()
                || newBlock.generationStamp() > state.directory().lastGenerationStamp()) {
            throw new QuarryException(ErrorCode.STALE_GENERATION, op + ": " + newBlock + " does not follow " + info
                    + " with a stamp handed out by updateBlockForPipeline");
        }
        List<DatanodeId> nodes = request.newNodes();
        return ControllerResult.<Object>of(null, new Records.UpdateBlockRecord(info.file().id(), newBlock))
                .then(() -> info.setExpectedLocations(nodes));
    }
}
