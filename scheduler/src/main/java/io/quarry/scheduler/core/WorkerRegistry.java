package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live workers: where they are, when each was last heard from, and which attempts the
 * Scheduler launched on each (free slots are counted from those, not from what the worker says).
 */
public final class WorkerRegistry {
    private final Map<String, Entry> workers = new LinkedHashMap<>();
    private final Map<String, Set<String>> hostsByRack = new TreeMap<>();
    private int totalMapSlots;
    private int totalReduceSlots;

    private static final class Entry {
        final WorkerInfo info;
        long lastSeenMillis;
        final Set<TaskAttemptId> running = new LinkedHashSet<>();

        Entry(WorkerInfo info, long lastSeenMillis) {
            this.info = info;
            this.lastSeenMillis = lastSeenMillis;
        }

        int running(TaskType type) {
            int count = 0;
            for (TaskAttemptId attempt : running) {
                if (attempt.type() == type) {
                    count++;
                }
            }
            return count;
        }
    }

    /** Adds a worker; returns the attempts it was running if it was already registered (it restarted). */
    Set<TaskAttemptId> register(WorkerInfo info, long nowMillis) {
        Objects.requireNonNull(info, "info is null");
        Set<TaskAttemptId> lost = remove(info.id());
        workers.put(info.id(), new Entry(info, nowMillis));
        totalMapSlots += info.mapSlots();
        totalReduceSlots += info.reduceSlots();
        hostsByRack.computeIfAbsent(info.rack(), r -> new LinkedHashSet<>()).add(info.host());
        return lost;
    }

    /** Forgets a worker; returns the attempts it was running. */
    Set<TaskAttemptId> remove(String workerId) {
        Entry entry = workers.remove(workerId);
        if (entry == null) {
            return Set.of();
        }
        totalMapSlots -= entry.info.mapSlots();
        totalReduceSlots -= entry.info.reduceSlots();
        rebuildRack(entry.info.rack());
        return entry.running;
    }

    public boolean isLive(String workerId) {
        return workers.containsKey(workerId);
    }

    public WorkerInfo info(String workerId) {
        Entry entry = workers.get(workerId);
        return entry == null ? null : entry.info;
    }

    public int liveCount() {
        return workers.size();
    }

    public Collection<WorkerInfo> live() {
        List<WorkerInfo> live = new ArrayList<>(workers.size());
        for (Entry entry : workers.values()) {
            live.add(entry.info);
        }
        return live;
    }

    /** Hosts of live workers in {@code rack}. */
    public Set<String> hostsInRack(String rack) {
        return Collections.unmodifiableSet(hostsByRack.getOrDefault(rack, Set.of()));
    }

    public int totalSlots(TaskType type) {
        return type == TaskType.MAP ? totalMapSlots : totalReduceSlots;
    }

    public int freeSlots(String workerId, TaskType type) {
        Entry entry = require(workerId);
        int slots = type == TaskType.MAP ? entry.info.mapSlots() : entry.info.reduceSlots();
        return Math.max(0, slots - entry.running(type));
    }

    /** The attempts the Scheduler believes run on a worker. */
    public Set<TaskAttemptId> runningOn(String workerId) {
        return Collections.unmodifiableSet(require(workerId).running);
    }

    void heardFrom(String workerId, long nowMillis) {
        require(workerId).lastSeenMillis = nowMillis;
    }

    void attemptStarted(String workerId, TaskAttemptId attempt) {
        require(workerId).running.add(attempt);
    }

    void attemptEnded(String workerId, TaskAttemptId attempt) {
        Entry entry = workers.get(workerId);
        if (entry != null) {
            entry.running.remove(attempt);
        }
    }

    /** Workers not heard from for longer than {@code expiryMillis}, oldest registration first. */
    List<String> expired(long nowMillis, long expiryMillis) {
        List<String> expired = new ArrayList<>();
        for (Entry entry : workers.values()) {
            if (nowMillis - entry.lastSeenMillis > expiryMillis) {
                expired.add(entry.info.id());
            }
        }
        return expired;
    }

    private Entry require(String workerId) {
        Entry entry = workers.get(workerId);
        if (entry == null) {
            throw new IllegalArgumentException("unknown worker " + workerId + " (live: " + workers.keySet() + ")");
        }
        return entry;
    }

    private void rebuildRack(String rack) {
        Set<String> hosts = new LinkedHashSet<>();
        for (Entry entry : workers.values()) {
            if (entry.info.rack().equals(rack)) {
                hosts.add(entry.info.host());
            }
        }
        if (hosts.isEmpty()) {
            hostsByRack.remove(rack);
        } else {
            hostsByRack.put(rack, hosts);
        }
    }
}
