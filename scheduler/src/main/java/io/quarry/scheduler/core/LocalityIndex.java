package io.quarry.scheduler.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * A job's maps that wait for an attempt, indexed by the hosts holding their data so a heartbeat
 * finds a node-local or rack-local task without scanning the job. Maps whose split names no host
 * are kept apart: they are as good anywhere and never wait for locality.
 */
final class LocalityIndex {
    private final Map<String, Set<Integer>> byHost = new HashMap<>();
    private final Map<Integer, List<String>> hostsOf = new HashMap<>();
    private final TreeSet<Integer> located = new TreeSet<>();
    private final TreeSet<Integer> unlocated = new TreeSet<>();
    private final TreeSet<Integer> retries = new TreeSet<>();

    /** Adds a waiting map; a {@code retry} (it ran before and failed or lost its output) goes first and never waits. */
    void add(int task, List<String> hosts, boolean retry) {
        if (hostsOf.containsKey(task) || unlocated.contains(task)) {
            return;
        }
        if (retry) {
            retries.add(task);
        }
        if (hosts.isEmpty()) {
            unlocated.add(task);
            return;
        }
        hostsOf.put(task, hosts);
        located.add(task);
        for (String host : hosts) {
            byHost.computeIfAbsent(host, h -> new LinkedHashSet<>()).add(task);
        }
    }

    void remove(int task) {
        retries.remove(task);
        if (unlocated.remove(task)) {
            return;
        }
        List<String> hosts = hostsOf.remove(task);
        if (hosts == null) {
            return;
        }
        located.remove(task);
        for (String host : hosts) {
            Set<Integer> tasks = byHost.get(host);
            if (tasks != null) {
                tasks.remove(task);
                if (tasks.isEmpty()) {
                    byHost.remove(host);
                }
            }
        }
    }

    boolean isEmpty() {
        return located.isEmpty() && unlocated.isEmpty();
    }

    int size() {
        return located.size() + unlocated.size();
    }

    boolean hasLocated() {
        return !located.isEmpty();
    }

    /** A waiting map with a replica on {@code host} that {@code allowed} accepts, or -1. */
    int nodeLocal(String host, IntPredicate allowed) {
        return first(byHost.get(host), allowed);
    }

    /** A waiting map with a replica on one of {@code rackHosts}, or -1. */
    int rackLocal(Collection<String> rackHosts, IntPredicate allowed) {
        for (String host : rackHosts) {
            int task = first(byHost.get(host), allowed);
            if (task >= 0) {
                return task;
            }
        }
        return -1;
    }

    /** A waiting retry, oldest task first, or -1. */
    int retry(IntPredicate allowed) {
        return first(retries, allowed);
    }

    /** A waiting map whose split names no host, or -1. */
    int unlocated(IntPredicate allowed) {
        return first(unlocated, allowed);
    }

    /** Any waiting map with a located split, or -1. */
    int anyLocated(IntPredicate allowed) {
        return first(located, allowed);
    }

    private static int first(Set<Integer> tasks, IntPredicate allowed) {
        if (tasks == null) {
            return -1;
        }
        for (int task : tasks) {
            if (allowed.test(task)) {
                return task;
            }
        }
        return -1;
    }
}
