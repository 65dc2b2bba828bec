package io.quarry.dfs.namenode.datanodes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.time.Clock;
import io.quarry.dfs.protocol.datanode.DatanodeCommand;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.datanode.Heartbeat;

/** Registered DataNodes by uuid: registration, heartbeats, liveness. Controller thread only. */
public final class DatanodeManager {
    private static final Logger LOG = LoggerFactory.getLogger(DatanodeManager.class);

    private final Topology topology;
    private final Clock clock;
    private final long deadAfterNanos;
    private final Map<String, DatanodeDescriptor> byUuid = new LinkedHashMap<>();
    private final Map<String, List<DatanodeDescriptor>> byHost = new HashMap<>();

    public DatanodeManager(Topology topology, Clock clock, Duration deadAfter) {
        this.topology = requireNonNull(topology, "topology is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.deadAfterNanos = deadAfter.toNanos();
    }

    /** Registers or re-registers (same uuid, possibly a new address). Returns the descriptor and whether it was dead or new. */
    public DatanodeDescriptor register(DatanodeId id, long capacity) {
        String rack = topology.rackOf(id.host());
        DatanodeDescriptor node = byUuid.get(id.uuid());
        if (node == null) {
            node = new DatanodeDescriptor(id, rack);
            byUuid.put(id.uuid(), node);
            LOG.info("Registered DataNode {} on rack {}", node, rack);
        } else {
            unindexHost(node);
            node.reRegister(id, rack);
            node.setAlive(true);
            LOG.info("DataNode {} registered again", node);
        }
        byHost.computeIfAbsent(id.host(), h -> new ArrayList<>()).add(node);
        node.heartbeat(capacity, 0, capacity, 0, clock.nanoTime(), clock.currentTimeMillis());
        return node;
    }

    private void unindexHost(DatanodeDescriptor node) {
        List<DatanodeDescriptor> onHost = byHost.get(node.host());
        if (onHost != null) {
            onHost.remove(node);
            if (onHost.isEmpty()) {
                byHost.remove(node.host());
            }
        }
    }

    /** Records a heartbeat; null when the uuid is unknown or the node was declared dead (it must register again). */
    public DatanodeDescriptor heartbeat(Heartbeat heartbeat) {
        DatanodeDescriptor node = byUuid.get(heartbeat.datanodeUuid());
        if (node == null || !node.isAlive()) {
            return null;
        }
        node.heartbeat(heartbeat.capacity(), heartbeat.dfsUsed(), heartbeat.remaining(), heartbeat.activeTransfers(),
                clock.nanoTime(), clock.currentTimeMillis());
        return node;
    }

    public List<DatanodeCommand> takeCommands(DatanodeDescriptor node) {
        return node.drainCommands();
    }

    /** Live node by uuid, or null. */
    public DatanodeDescriptor live(String uuid) {
        DatanodeDescriptor node = byUuid.get(uuid);
        return node != null && node.isAlive() ? node : null;
    }

    public DatanodeDescriptor get(String uuid) {
        return byUuid.get(uuid);
    }

    public List<DatanodeDescriptor> liveOnHost(String host) {
        List<DatanodeDescriptor> out = new ArrayList<>();
        for (DatanodeDescriptor node : byHost.getOrDefault(host, List.of())) {
            if (node.isAlive()) {
                out.add(node);
            }
        }
        return out;
    }

    /** Marks nodes without a recent heartbeat dead and returns them. */
    public List<DatanodeDescriptor> checkDead() {
        long now = clock.nanoTime();
        List<DatanodeDescriptor> dead = new ArrayList<>();
        for (DatanodeDescriptor node : byUuid.values()) {
            if (node.isAlive() && now - node.lastHeartbeatNanos() > deadAfterNanos) {
                node.setAlive(false);
                node.clearWork();
                dead.add(node);
                LOG.warn("DataNode {} is dead: no heartbeat for {} ms", node, (now - node.lastHeartbeatNanos()) / 1_000_000);
            }
        }
        return dead;
    }

    public Collection<DatanodeDescriptor> all() {
        return byUuid.values();
    }

    public List<DatanodeDescriptor> liveNodes() {
        List<DatanodeDescriptor> out = new ArrayList<>();
        for (DatanodeDescriptor node : byUuid.values()) {
            if (node.isAlive()) {
                out.add(node);
            }
        }
        return out;
    }

    public int liveCount() {
        int count = 0;
        for (DatanodeDescriptor node : byUuid.values()) {
            if (node.isAlive()) {
                count++;
            }
        }
        return count;
    }

    public String rackOf(String host) {
        return topology.rackOf(host);
    }
}
