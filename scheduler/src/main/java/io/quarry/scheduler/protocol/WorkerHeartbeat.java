package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A worker's periodic report, answered with a {@link HeartbeatResponse}. Not idempotent: a repeated
 * heartbeat would be handed launches a second time while the first answer's are already queued
 * for nobody, and finished attempts would be reported twice. The free slots are the worker's own
 * count, for diagnostics; the Scheduler counts slots from the attempts it launched.
 */
public record WorkerHeartbeat(String workerId, List<WireAttemptReport> reports, int freeMapSlots, int freeReduceSlots) {
    public WorkerHeartbeat {
        requireNonNull(workerId, "workerId is null");
        reports = reports == null ? List.of() : List.copyOf(reports);
    }
}
