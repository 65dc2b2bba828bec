package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/** Stop an attempt that is no longer wanted. */
public record KillInstruction(String attemptId, String reason) implements WorkerInstruction {
    public KillInstruction {
        requireNonNull(attemptId, "attemptId is null");
        reason = reason == null ? "" : reason;
    }
}
