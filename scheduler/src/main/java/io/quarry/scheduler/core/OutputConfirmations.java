package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskAttemptId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Map outputs a new active Scheduler took over from the previous one and waits to hear about: each
 * one's Worker must register again, listing it among the outputs it still holds, before its
 * deadline; otherwise the map runs again.
 */
final class OutputConfirmations {
    private final Map<String, Pending> byWorker = new LinkedHashMap<>();

    private static final class Pending {
        final long deadline;
        final List<TaskAttemptId> attempts = new ArrayList<>();

        Pending(long deadline) {
            this.deadline = deadline;
        }
    }

    void expect(String workerId, TaskAttemptId attempt, long deadlineMillis) {
        byWorker.computeIfAbsent(workerId, w -> new Pending(deadlineMillis)).attempts.add(attempt);
    }

    /** The worker registered holding {@code held}: returns the expected outputs it no longer has. */
    List<TaskAttemptId> confirm(String workerId, Set<TaskAttemptId> held) {
        Pending pending = byWorker.remove(workerId);
        if (pending == null) {
            return List.of();
        }
        List<TaskAttemptId> lost = new ArrayList<>();
        for (TaskAttemptId attempt : pending.attempts) {
            if (!held.contains(attempt)) {
                lost.add(attempt);
            }
        }
        return lost;
    }

    /** Workers that did not register by their deadline; forgotten here. */
    List<String> expired(long nowMillis) {
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Pending>> it = byWorker.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> entry = it.next();
            if (nowMillis > entry.getValue().deadline) {
                expired.add(entry.getKey());
                it.remove();
            }
        }
        return expired;
    }

    int waiting() {
        return byWorker.values().stream().mapToInt(p -> p.attempts.size()).sum();
    }
}
