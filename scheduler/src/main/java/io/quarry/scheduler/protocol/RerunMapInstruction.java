package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/** A finished map's output is lost: reducers of its job must stop fetching from {@code lostAttemptId}. */
public record RerunMapInstruction(String mapTaskId, String lostAttemptId, String reason) implements WorkerInstruction {
    public RerunMapInstruction {
        requireNonNull(mapTaskId, "mapTaskId is null");
        requireNonNull(lostAttemptId, "lostAttemptId is null");
        reason = reason == null ? "" : reason;
    }
}
