package io.quarry.scheduler.service;

import io.quarry.scheduler.protocol.WorkerInstruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each registered worker must be told on its next heartbeat, in order. Used only on the
 * service's event thread.
 */
final class InstructionQueues {
    private final Map<String, List<WorkerInstruction>> byWorker = new LinkedHashMap<>();

    /** A worker (re)registered: it starts with an empty queue (whatever was pending concerned its previous life). */
    void reset(String workerId) {
        byWorker.put(workerId, new ArrayList<>());
    }

    void forget(String workerId) {
        byWorker.remove(workerId);
    }

    void add(String workerId, WorkerInstruction instruction) {
        byWorker.computeIfAbsent(workerId, id -> new ArrayList<>()).add(instruction);
    }

    /** Queues an instruction for every registered worker. */
    void broadcast(WorkerInstruction instruction) {
        for (List<WorkerInstruction> queue : byWorker.values()) {
            queue.add(instruction);
        }
    }

    List<WorkerInstruction> drain(String workerId) {
        List<WorkerInstruction> queue = byWorker.get(workerId);
        if (queue == null || queue.isEmpty()) {
            return List.of();
        }
        List<WorkerInstruction> drained = List.copyOf(queue);
        queue.clear();
        return drained;
    }

    /** Worker ids with a queue, for pruning the ones the core no longer knows. */
    List<String> workers() {
        return List.copyOf(byWorker.keySet());
    }
}
