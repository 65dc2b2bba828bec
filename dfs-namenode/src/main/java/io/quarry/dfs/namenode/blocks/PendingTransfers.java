package io.quarry.dfs.namenode.blocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Re-replication copies ordered but not yet reported, with a deadline after which they are retried. */
public final class PendingTransfers {
    private record Pending(String sourceUuid, String targetUuid, long deadlineNanos) {
    }

    private final Map<Long, List<Pending>> byBlock = new HashMap<>();
    private final Map<String, Integer> bySource = new HashMap<>();

    public void add(long blockId, String sourceUuid, String targetUuid, long deadlineNanos) {
        byBlock.computeIfAbsent(blockId, id -> new ArrayList<>()).add(new Pending(sourceUuid, targetUuid, deadlineNanos));
        bySource.merge(sourceUuid, 1, Integer::sum);
    }

    public int count(long blockId) {
        List<Pending> pending = byBlock.get(blockId);
        return pending == null ? 0 : pending.size();
    }

    public List<String> targets(long blockId) {
        List<String> out = new ArrayList<>();
        for (Pending pending : byBlock.getOrDefault(blockId, List.of())) {
            out.add(pending.targetUuid());
        }
        return out;
    }

    public int inFlightFrom(String sourceUuid) {
        return bySource.getOrDefault(sourceUuid, 0);
    }

    /** The target reported the replica. */
    public void arrived(long blockId, String targetUuid) {
        List<Pending> pending = byBlock.get(blockId);
        if (pending == null) {
            return;
        }
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.targetUuid().equals(targetUuid)) {
                it.remove();
                release(p.sourceUuid());
            }
        }
        if (pending.isEmpty()) {
            byBlock.remove(blockId);
        }
    }

    public void forget(long blockId) {
        List<Pending> pending = byBlock.remove(blockId);
        if (pending != null) {
            pending.forEach(p -> release(p.sourceUuid()));
        }
    }

    /** Drops transfers past their deadline; returns their blocks so they are looked at again. */
    public List<Long> expire(long nowNanos) {
        List<Long> expired = new ArrayList<>();
        for (Iterator<Map.Entry<Long, List<Pending>>> it = byBlock.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, List<Pending>> entry = it.next();
            boolean any = entry.getValue().removeIf(p -> {
                if (p.deadlineNanos() <= nowNanos) {
                    release(p.sourceUuid());
                    return true;
                }
                return false;
            });
            if (any) {
                expired.add(entry.getKey());
            }
            if (entry.getValue().isEmpty()) {
                it.remove();
            }
        }
        return expired;
    }

    public int size() {
        int total = 0;
        for (List<Pending> pending : byBlock.values()) {
            total += pending.size();
        }
        return total;
    }

    private void release(String sourceUuid) {
        bySource.computeIfPresent(sourceUuid, (k, v) -> v <= 1 ? null : v - 1);
    }
}
