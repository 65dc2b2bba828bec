package io.quarry.dfs.namenode.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.time.ManualClock;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.datanodes.DatanodeManager;
import io.quarry.dfs.namenode.datanodes.Topology;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.datanode.Heartbeat;

@Timeout(10)
class RackAwarePlacementTest {
    private final ManualClock clock = new ManualClock();

    private DatanodeManager nodes(Map<String, String> racks, int count) {
        DatanodeManager manager = new DatanodeManager(new Topology(racks), clock, Duration.ofSeconds(10));
        for (int i = 1; i <= count; i++) {
            manager.register(new DatanodeId("dn-" + i, "10.0.0." + i, 1, 2), 1L << 30);
        }
        return manager;
    }

    @Test
    void singleRackClusterGetsDistinctNodes() {
        DatanodeManager manager = nodes(Map.of(), 3);
        RackAwarePlacement placement = new RackAwarePlacement(manager, new Random(1));
        List<DatanodeDescriptor> chosen = placement.chooseTargets(3, "10.0.0.2", List.of(), Set.of(), 1024);
        assertThat(chosen).hasSize(3).doesNotHaveDuplicates();
        assertThat(chosen.get(0).host()).isEqualTo("10.0.0.2");
        assertThat(placement.chooseTargets(5, null, List.of(), Set.of(), 1024)).hasSize(3);
    }

    @Test
    void secondReplicaGoesToAnotherRackAndThirdStaysWithTheSecond() {
        Map<String, String> racks = Map.of("10.0.0.1", "/a", "10.0.0.2", "/a", "10.0.0.3", "/b", "10.0.0.4", "/b", "10.0.0.5", "/c");
        DatanodeManager manager = nodes(racks, 5);
        for (long seed = 0; seed < 20; seed++) {
            RackAwarePlacement placement = new RackAwarePlacement(manager, new Random(seed));
            List<DatanodeDescriptor> chosen = placement.chooseTargets(3, "192.168.0.9", List.of(), Set.of(), 1024);
            assertThat(chosen.get(1).rack()).as("seed %d", seed).isNotEqualTo(chosen.get(0).rack());
            if (!chosen.get(1).rack().equals("/c")) {
                assertThat(chosen.get(2).rack()).as("seed %d", seed).isEqualTo(chosen.get(1).rack());
            }
        }
    }

    @Test
    void deadFullAndExcludedNodesAreSkipped() throws Exception {
        DatanodeManager manager = nodes(Map.of(), 4);
        manager.heartbeat(new Heartbeat("dn-1", 1L << 30, 1L << 30, 10, 0, 0)); // full
        clock.advance(Duration.ofSeconds(11));
        manager.heartbeat(new Heartbeat("dn-1", 1L << 30, 1L << 30, 10, 0, 0));
        manager.heartbeat(new Heartbeat("dn-2", 1L << 30, 0, 1L << 30, 0, 0));
        manager.heartbeat(new Heartbeat("dn-3", 1L << 30, 0, 1L << 30, 0, 0));
        manager.checkDead(); // dn-4 is dead
        RackAwarePlacement placement = new RackAwarePlacement(manager, new Random(3));
        List<DatanodeDescriptor> chosen = placement.chooseTargets(3, null, List.of(), Set.of("dn-3"), 1 << 20);
        assertThat(chosen).extracting(DatanodeDescriptor::uuid).containsExactly("dn-2");
    }
}
