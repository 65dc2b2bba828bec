package io.quarry.dfs.namenode.blocks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.datanodes.DatanodeManager;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.ReplicaState;

/**
 * Every block of the namespace and where its replicas are. Tracks blocks whose replication needs
 * a look (queued for the replication monitor) and the counts safe mode needs. Controller thread only.
 */
public final class BlockManager {
    private static final Logger LOG = LoggerFactory.getLogger(BlockManager.class);

    private final DatanodeManager datanodes;
    private final Map<Long, BlockInfo> blocks = new HashMap<>();
    private final Set<Long> needsCheck = new LinkedHashSet<>();
    private long completeBlocks;
    private long safeBlocks;

    public BlockManager(DatanodeManager datanodes) {
        this.datanodes = requireNonNull(datanodes, "datanodes is null");
    }

    public BlockInfo get(long blockId) {
        return blocks.get(blockId);
    }

    public int size() {
        return blocks.size();
    }

    public Collection<BlockInfo> all() {
        return blocks.values();
    }

    public long completeBlocks() {
        return completeBlocks;
    }

    /** Complete blocks with at least one good replica reported. */
    public long safeBlocks() {
        return safeBlocks;
    }

    public Set<Long> needsCheck() {
        return needsCheck;
    }

    // ---- namespace side (record applier) ----

    public BlockInfo add(INodeFile file, Block block) {
        BlockInfo info = new BlockInfo(block, file);
        blocks.put(block.blockId(), info);
        return info;
    }

    public void update(Block block) {
        BlockInfo info = blocks.get(block.blockId());
        if (info == null) {
            return;
        }
        boolean wasSafe = isSafe(info);
        long oldStamp = info.generationStamp();
        info.update(block);
        if (block.generationStamp() > oldStamp) {
            for (String uuid : new ArrayList<>(info.replicas().keySet())) {
                if (info.replicas().get(uuid).generationStamp() < block.generationStamp()) {
                    // Stale now; its holder deletes it when a later report shows the old stamp.
                    removeReplicaQuietly(info, uuid);
                }
            }
        }
        changed(info, wasSafe);
    }

    public void complete(long blockId) {
        BlockInfo info = blocks.get(blockId);
        if (info == null || info.isComplete()) {
            return;
        }
        info.setComplete();
        completeBlocks++;
        info.setExpectedLocations(List.of());
        if (isSafe(info)) {
            safeBlocks++;
        }
        needsCheck.add(blockId);
    }

    /** Forgets a block (its file was deleted or the block abandoned) and tells its holders to delete it. */
    public void remove(long blockId) {
        BlockInfo info = blocks.remove(blockId);
        if (info == null) {
            return;
        }
        if (isSafe(info)) {
            safeBlocks--;
        }
        if (info.isComplete()) {
            completeBlocks--;
        }
        needsCheck.remove(blockId);
        Set<String> holders = new HashSet<>(info.replicas().keySet());
        info.expectedLocations().forEach(id -> holders.add(id.uuid()));
        for (String uuid : holders) {
            DatanodeDescriptor node = datanodes.get(uuid);
            if (node != null) {
                node.blocks().remove(blockId);
                if (node.isAlive()) {
                    node.queueDelete(info.block());
                }
            }
        }
    }

    // ---- DataNode side ----

    /** A finalized or being-written replica reported by a DataNode; stale or unknown ones are scheduled for deletion. */
    public void reportReplica(DatanodeDescriptor node, long blockId, long stamp, long numBytes, ReplicaState state) {
        BlockInfo info = blocks.get(blockId);
        if (info == null) {
            LOG.debug("{} reported unknown block blk_{}; deleting it", node, blockId);
            node.queueDelete(new Block(blockId, stamp, numBytes));
            return;
        }
        if (stamp < info.generationStamp()) {
            LOG.info("{} holds stale replica blk_{}_{} (current stamp {}); deleting it", node, blockId, stamp, info.generationStamp());
            removeReplica(node, blockId);
            node.queueDelete(new Block(blockId, stamp, numBytes));
            return;
        }
        if (state == ReplicaState.RBW && info.isComplete()) {
            return; // will be reported again once finalized
        }
        boolean wasSafe = isSafe(info);
        info.replicas().put(node.uuid(), new BlockInfo.Replica(state, stamp, numBytes));
        node.blocks().add(blockId);
        if (state == ReplicaState.FINALIZED && info.isComplete() && numBytes != info.numBytes()) {
            LOG.warn("{} holds {} with {} bytes, expected {}; marking it corrupt", node, info, numBytes, info.numBytes());
            info.corrupt().add(node.uuid());
        }
        changed(info, wasSafe);
    }

    public void removeReplica(DatanodeDescriptor node, long blockId) {
        node.blocks().remove(blockId);
        BlockInfo info = blocks.get(blockId);
        if (info != null) {
            removeReplicaQuietly(info, node.uuid());
        }
    }

    private void removeReplicaQuietly(BlockInfo info, String uuid) {
        boolean wasSafe = isSafe(info);
        info.replicas().remove(uuid);
        info.corrupt().remove(uuid);
        DatanodeDescriptor node = datanodes.get(uuid);
        if (node != null) {
            node.blocks().remove(info.blockId());
        }
        changed(info, wasSafe);
    }

    /** Replaces the node's replica set with a full report. */
    public void fullReport(DatanodeDescriptor node, List<io.quarry.dfs.protocol.datanode.ReplicaReport> replicas) {
        Set<Long> unreported = new HashSet<>(node.blocks());
        for (io.quarry.dfs.protocol.datanode.ReplicaReport replica : replicas) {
            unreported.remove(replica.blockId());
            reportReplica(node, replica.blockId(), replica.generationStamp(), replica.numBytes(), replica.state());
        }
        for (Long blockId : unreported) {
            removeReplica(node, blockId);
        }
    }

    /** A DataNode died: its replicas no longer count. */
    public void nodeDead(DatanodeDescriptor node) {
        for (Long blockId : new ArrayList<>(node.blocks())) {
            removeReplica(node, blockId);
        }
    }

    public void markCorrupt(DatanodeDescriptor node, Block block, String reason) {
        BlockInfo info = blocks.get(block.blockId());
        if (info == null) {
            node.queueDelete(block);
            return;
        }
        if (!info.replicas().containsKey(node.uuid())) {
            return;
        }
        LOG.warn("Replica of {} on {} is corrupt: {}", info, node, reason);
        boolean wasSafe = isSafe(info);
        info.corrupt().add(node.uuid());
        changed(info, wasSafe);
    }

    /** Live, current, finalized, uncorrupt replicas. */
    public List<DatanodeDescriptor> goodReplicas(BlockInfo info) {
        List<DatanodeDescriptor> out = new ArrayList<>();
        for (String uuid : info.replicas().keySet()) {
            DatanodeDescriptor node = datanodes.live(uuid);
            if (node != null && info.isGood(uuid)) {
                out.add(node);
            }
        }
        return out;
    }

    public List<DatanodeDescriptor> corruptReplicas(BlockInfo info) {
        List<DatanodeDescriptor> out = new ArrayList<>();
        for (String uuid : info.corrupt()) {
            DatanodeDescriptor node = datanodes.live(uuid);
            if (node != null) {
                out.add(node);
            }
        }
        return out;
    }

    /** Live holders of any replica at the current stamp (finalized or being written), corrupt ones excluded. */
    public List<DatanodeDescriptor> currentHolders(BlockInfo info) {
        List<DatanodeDescriptor> out = new ArrayList<>();
        for (Map.Entry<String, BlockInfo.Replica> entry : info.replicas().entrySet()) {
            DatanodeDescriptor node = datanodes.live(entry.getKey());
            if (node != null && !info.corrupt().contains(entry.getKey())
                    && entry.getValue().generationStamp() >= info.generationStamp()) {
                out.add(node);
            }
        }
        return out;
    }

    public int goodReplicaCount(BlockInfo info) {
        int count = 0;
        for (String uuid : info.replicas().keySet()) {
            if (info.isGood(uuid) && datanodes.live(uuid) != null) {
                count++;
            }
        }
        return count;
    }

    private boolean isSafe(BlockInfo info) {
        if (!info.isComplete()) {
            return false;
        }
        for (String uuid : info.replicas().keySet()) {
            if (info.isGood(uuid)) {
                return true;
            }
        }
        return false;
    }

    private void changed(BlockInfo info, boolean wasSafe) {
        boolean safe = isSafe(info);
        if (safe != wasSafe) {
            safeBlocks += safe ? 1 : -1;
        }
        if (info.isComplete()) {
            needsCheck.add(info.blockId());
        }
    }
}
