package io.quarry.dfs.namenode.placement;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.datanodes.DatanodeManager;

/**
 * HDFS's default: the first replica on the writer's node when it runs a DataNode (else a random
 * one), the second on another rack, the third on the second's rack, the rest anywhere. A
 * single-rack cluster just gets distinct nodes.
 */
public final class RackAwarePlacement implements PlacementPolicy {
    private final DatanodeManager datanodes;
    private final Random random;

    public RackAwarePlacement(DatanodeManager datanodes, Random random) {
        this.datanodes = requireNonNull(datanodes, "datanodes is null");
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public List<DatanodeDescriptor> chooseTargets(int count, String writerHost, List<DatanodeDescriptor> existing,
                                                  Set<String> excludedUuids, long blockSize) {
        List<DatanodeDescriptor> candidates = new ArrayList<>();
        for (DatanodeDescriptor node : datanodes.liveNodes()) {
            if (!excludedUuids.contains(node.uuid()) && !existing.contains(node) && hasRoom(node, blockSize)) {
                candidates.add(node);
            }
        }
        List<DatanodeDescriptor> all = new ArrayList<>(existing);
        List<DatanodeDescriptor> chosen = new ArrayList<>();
        while (chosen.size() < count && !candidates.isEmpty()) {
            DatanodeDescriptor next = chooseOne(all, candidates, writerHost);
            candidates.remove(next);
            all.add(next);
            chosen.add(next);
        }
        return chosen;
    }

    private DatanodeDescriptor chooseOne(List<DatanodeDescriptor> all, List<DatanodeDescriptor> candidates, String writerHost) {
        if (all.isEmpty()) {
            if (writerHost != null) {
                for (DatanodeDescriptor node : candidates) {
                    if (node.host().equals(writerHost)) {
                        return node;
                    }
                }
            }
            return pick(candidates, n -> true);
        }
        if (all.size() == 1) {
            String firstRack = all.get(0).rack();
            return pick(candidates, n -> !n.rack().equals(firstRack));
        }
        if (all.size() == 2) {
            String first = all.get(0).rack();
            String second = all.get(1).rack();
            if (first.equals(second)) {
                return pick(candidates, n -> !n.rack().equals(first));
            }
            return pick(candidates, n -> n.rack().equals(second));
        }
        return pick(candidates, n -> true);
    }

    /** A random candidate passing the filter, or any random candidate when none does. */
    private DatanodeDescriptor pick(List<DatanodeDescriptor> candidates, Predicate<DatanodeDescriptor> preferred) {
        List<DatanodeDescriptor> matching = new ArrayList<>();
        for (DatanodeDescriptor node : candidates) {
            if (preferred.test(node)) {
                matching.add(node);
            }
        }
        List<DatanodeDescriptor> from = matching.isEmpty() ? candidates : matching;
        return from.get(random.nextInt(from.size()));
    }

    private static boolean hasRoom(DatanodeDescriptor node, long blockSize) {
        return node.capacity() <= 0 || node.remaining() >= blockSize;
    }
}
