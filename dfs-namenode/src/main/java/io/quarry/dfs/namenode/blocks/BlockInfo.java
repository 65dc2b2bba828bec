package io.quarry.dfs.namenode.blocks;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.ReplicaState;

/** A block of a file with its replicas as reported by DataNodes (memory only, never journaled). */
public final class BlockInfo {
    private final long blockId;
    private long generationStamp;
    private long numBytes;
    private final INodeFile file;
    private boolean complete;
    private final Map<String, Replica> replicas = new LinkedHashMap<>();
    private final Set<String> corrupt = new HashSet<>();
    private List<DatanodeId> expectedLocations = List.of();
    private long recoveryStamp;

    /** One replica on one DataNode. */
    public record Replica(ReplicaState state, long generationStamp, long numBytes) {
    }

    BlockInfo(Block block, INodeFile file) {
        this.blockId = block.blockId();
        this.generationStamp = block.generationStamp();
        this.numBytes = block.numBytes();
        this.file = requireNonNull(file, "file is null");
    }

    public long blockId() {
        return blockId;
    }

    public long generationStamp() {
        return generationStamp;
    }

    public long numBytes() {
        return numBytes;
    }

    public Block block() {
        return new Block(blockId, generationStamp, numBytes);
    }

    void update(Block block) {
        this.generationStamp = block.generationStamp();
        this.numBytes = block.numBytes();
    }

    public INodeFile file() {
        return file;
    }

    public boolean isComplete() {
        return complete;
    }

    void setComplete() {
        this.complete = true;
    }

    public Map<String, Replica> replicas() {
        return replicas;
    }

    public Set<String> corrupt() {
        return corrupt;
    }

    public List<DatanodeId> expectedLocations() {
        return expectedLocations;
    }

    public void setExpectedLocations(List<DatanodeId> locations) {
        this.expectedLocations = List.copyOf(locations);
    }

    /** The stamp of a lease recovery in progress, or 0. */
    public long recoveryStamp() {
        return recoveryStamp;
    }

    public void setRecoveryStamp(long stamp) {
        this.recoveryStamp = stamp;
    }

    /** Whether the replica on the node is current and finalized (not stale, not being written). */
    boolean isGood(String uuid) {
        Replica replica = replicas.get(uuid);
        return replica != null && replica.state() == ReplicaState.FINALIZED && replica.generationStamp() >= generationStamp
                && !corrupt.contains(uuid);
    }

    @Override
    public String toString() {
        return block().name();
    }
}
