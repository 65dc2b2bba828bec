package io.quarry.scheduler.core;

import io.quarry.mapreduce.input.InputSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A split that is only its locations, and builders of HDFS-like replica placement. */
record TestSplit(long length, List<String> locations) implements InputSplit {
    TestSplit {
        locations = List.copyOf(locations);
    }

    static List<InputSplit> on(int count, String... hosts) {
        List<InputSplit> splits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            splits.add(new TestSplit(64L << 20, List.of(hosts)));
        }
        return splits;
    }

    /**
     * Blocks placed as QFS places them: first replica on a random host, second on another rack,
     * third on the second's rack but another host.
     */
    static List<InputSplit> replicated(int blocks, int replication, List<List<String>> hostsByRack, Random random) {
        List<InputSplit> splits = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            List<String> replicas = new ArrayList<>();
            int firstRack = random.nextInt(hostsByRack.size());
            replicas.add(pick(hostsByRack.get(firstRack), replicas, random));
            if (replication > 1) {
                int secondRack = hostsByRack.size() > 1 ? (firstRack + 1 + random.nextInt(hostsByRack.size() - 1)) % hostsByRack.size()
                        : firstRack;
                replicas.add(pick(hostsByRack.get(secondRack), replicas, random));
                for (int r = 2; r < replication; r++) {
                    replicas.add(pick(hostsByRack.get(secondRack), replicas, random));
                }
            }
            splits.add(new TestSplit(64L << 20, replicas));
        }
        return splits;
    }

    private static String pick(List<String> hosts, List<String> taken, Random random) {
        List<String> free = new ArrayList<>(hosts);
        free.removeAll(taken);
        return free.get(random.nextInt(free.size()));
    }
}
