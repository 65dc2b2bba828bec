package io.quarry.dfs.namenode.datanodes;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.datanode.DatanodeCommand;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.DatanodeInfo;
import io.quarry.dfs.protocol.DatanodeState;
import io.quarry.dfs.protocol.datanode.DeleteBlocksCommand;

/** What the NameNode knows about one DataNode: address, rack, usage, liveness, replicas and queued work. Controller thread only. */
public final class DatanodeDescriptor {
    private DatanodeId id;
    private String rack;
    private long capacity;
    private long dfsUsed;
    private long remaining;
    private int activeTransfers;
    private long lastHeartbeatNanos;
    private long lastHeartbeatWallMillis;
    private boolean alive = true;
    private final Set<Long> blocks = new HashSet<>();
    private final Deque<DatanodeCommand> commands = new ArrayDeque<>();
    private final List<Block> pendingDeletes = new ArrayList<>();

    DatanodeDescriptor(DatanodeId id, String rack) {
        this.id = requireNonNull(id, "id is null");
        this.rack = requireNonNull(rack, "rack is null");
    }

    public DatanodeId id() {
        return id;
    }

    public String uuid() {
        return id.uuid();
    }

    public String host() {
        return id.host();
    }

    public String rack() {
        return rack;
    }

    void reRegister(DatanodeId newId, String newRack) {
        this.id = newId;
        this.rack = newRack;
    }

    public boolean isAlive() {
        return alive;
    }

    void setAlive(boolean alive) {
        this.alive = alive;
    }

    public long remaining() {
        return remaining;
    }

    public long capacity() {
        return capacity;
    }

    long lastHeartbeatNanos() {
        return lastHeartbeatNanos;
    }

    void heartbeat(long capacity, long dfsUsed, long remaining, int activeTransfers, long nanos, long wallMillis) {
        this.capacity = capacity;
        this.dfsUsed = dfsUsed;
        this.remaining = remaining;
        this.activeTransfers = activeTransfers;
        this.lastHeartbeatNanos = nanos;
        this.lastHeartbeatWallMillis = wallMillis;
    }

    public Set<Long> blocks() {
        return blocks;
    }

    public void queue(DatanodeCommand command) {
        commands.add(command);
    }

    public void queueDelete(Block block) {
        pendingDeletes.add(block);
    }

    /** Takes the queued work for a heartbeat reply. */
    List<DatanodeCommand> drainCommands() {
        List<DatanodeCommand> out = new ArrayList<>(commands);
        commands.clear();
        if (!pendingDeletes.isEmpty()) {
            out.add(new DeleteBlocksCommand(pendingDeletes));
            pendingDeletes.clear();
        }
        return out;
    }

    void clearWork() {
        commands.clear();
        pendingDeletes.clear();
    }

    public DatanodeInfo info() {
        return new DatanodeInfo(id, rack, capacity, dfsUsed, remaining, lastHeartbeatWallMillis, activeTransfers, blocks.size(),
                alive ? DatanodeState.LIVE : DatanodeState.DEAD);
    }

    @Override
    public String toString() {
        return id + " (" + id.uuid() + ")";
    }
}
