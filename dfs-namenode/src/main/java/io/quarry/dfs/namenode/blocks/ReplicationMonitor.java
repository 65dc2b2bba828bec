package io.quarry.dfs.namenode.blocks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.time.Clock;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.datanodes.DatanodeManager;
import io.quarry.dfs.namenode.placement.PlacementPolicy;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.datanode.TransferBlockCommand;

/**
 * Looks at blocks whose replication changed: orders copies of under-replicated blocks (from a good
 * replica, to targets from the placement policy), deletes excess replicas (from the rack holding
 * most), and deletes corrupt replicas once enough good ones exist.
 */
public final class ReplicationMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationMonitor.class);
    private static final int MAX_BLOCKS_PER_ROUND = 10_000;

    private final BlockManager blocks;
    private final DatanodeManager datanodes;
    private final PlacementPolicy placement;
    private final PendingTransfers pending;
    private final Clock clock;
    private final int maxStreams;
    private final long pendingTimeoutNanos;
    private volatile long underReplicated;

    public ReplicationMonitor(BlockManager blocks, DatanodeManager datanodes, PlacementPolicy placement, PendingTransfers pending,
                              Clock clock, int maxStreams, long pendingTimeoutNanos) {
        this.blocks = requireNonNull(blocks, "blocks is null");
        this.datanodes = requireNonNull(datanodes, "datanodes is null");
        this.placement = requireNonNull(placement, "placement is null");
        this.pending = requireNonNull(pending, "pending is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxStreams = maxStreams;
        this.pendingTimeoutNanos = pendingTimeoutNanos;
    }

    /** One round; returns how many transfers were ordered. */
    public int run() {
        for (Long blockId : pending.expire(clock.nanoTime())) {
            LOG.info("Re-replication of blk_{} timed out; trying again", blockId);
            blocks.needsCheck().add(blockId);
        }
        List<Long> batch = new ArrayList<>();
        for (Iterator<Long> it = blocks.needsCheck().iterator(); it.hasNext() && batch.size() < MAX_BLOCKS_PER_ROUND; ) {
            batch.add(it.next());
            it.remove();
        }
        int ordered = 0;
        long under = 0;
        List<Long> retry = new ArrayList<>();
        for (long blockId : batch) {
            BlockInfo info = blocks.get(blockId);
            if (info == null || !info.isComplete()) {
                pending.forget(blockId);
                continue;
            }
            Outcome outcome = check(info);
            ordered += outcome.ordered;
            if (!outcome.settled) {
                retry.add(blockId);
            }
            if (outcome.underReplicated) {
                under++;
            }
        }
        blocks.needsCheck().addAll(retry);
        underReplicated = under + (blocks.needsCheck().size() - retry.size());
        return ordered;
    }

    private record Outcome(int ordered, boolean settled, boolean underReplicated) {
    }

    /** Blocks found with fewer good replicas than their target in the last round (plus those not yet looked at). */
    public long underReplicated() {
        return underReplicated;
    }

    private Outcome check(BlockInfo info) {
        int target = info.file().replication();
        List<DatanodeDescriptor> good = blocks.goodReplicas(info);
        int inFlight = pending.count(info.blockId());
        if (good.size() + inFlight < target) {
            int ordered = orderCopies(info, good, target - good.size() - inFlight);
            return new Outcome(ordered, false, true);
        }
        if (good.size() > target) {
            deleteExcess(info, good, good.size() - target);
        }
        if (good.size() >= Math.min(target, Math.max(1, datanodes.liveCount() - info.corrupt().size()))) {
            for (DatanodeDescriptor node : blocks.corruptReplicas(info)) {
                LOG.info("Deleting corrupt replica of {} on {}", info, node);
                node.queueDelete(info.block());
                blocks.removeReplica(node, info.blockId());
            }
        }
        return new Outcome(0, inFlight == 0 && info.corrupt().isEmpty(), good.size() < target);
    }

    private int orderCopies(BlockInfo info, List<DatanodeDescriptor> good, int needed) {
        DatanodeDescriptor source = null;
        for (DatanodeDescriptor node : good) {
            if (pending.inFlightFrom(node.uuid()) < maxStreams) {
                source = node;
                break;
            }
        }
        if (source == null) {
            return 0;
        }
        Set<String> excluded = new HashSet<>(info.replicas().keySet());
        excluded.addAll(pending.targets(info.blockId()));
        int streams = maxStreams - pending.inFlightFrom(source.uuid());
        List<DatanodeDescriptor> targets = placement.chooseTargets(Math.min(needed, streams), null, good, excluded,
                info.file().blockSize());
        if (targets.isEmpty()) {
            return 0;
        }
        List<DatanodeId> ids = new ArrayList<>();
        long deadline = clock.nanoTime() + pendingTimeoutNanos;
        for (DatanodeDescriptor t : targets) {
            ids.add(t.id());
            pending.add(info.blockId(), source.uuid(), t.uuid(), deadline);
        }
        Block block = info.block();
        source.queue(new TransferBlockCommand(block, ids));
        LOG.info("Ordered {} on {} to copy to {} ({} good replicas, target {})", block, source, ids, good.size(),
                info.file().replication());
        return targets.size();
    }

    /** Removes replicas from the racks holding the most, keeping at least two racks when there were two. */
    private void deleteExcess(BlockInfo info, List<DatanodeDescriptor> good, int excess) {
        List<DatanodeDescriptor> remaining = new ArrayList<>(good);
        for (int i = 0; i < excess; i++) {
            Map<String, Integer> perRack = new HashMap<>();
            for (DatanodeDescriptor node : remaining) {
                perRack.merge(node.rack(), 1, Integer::sum);
            }
            DatanodeDescriptor victim = null;
            for (DatanodeDescriptor node : remaining) {
                if (victim == null || perRack.get(node.rack()) > perRack.get(victim.rack())
                        || perRack.get(node.rack()).equals(perRack.get(victim.rack())) && node.remaining() < victim.remaining()) {
                    victim = node;
                }
            }
            remaining.remove(victim);
            LOG.info("Deleting excess replica of {} on {} (target {})", info, victim, info.file().replication());
            victim.queueDelete(info.block());
            blocks.removeReplica(victim, info.blockId());
        }
    }
}
