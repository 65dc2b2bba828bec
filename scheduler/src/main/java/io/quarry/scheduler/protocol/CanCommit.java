package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import io.quarry.common.rpc.Idempotent;

/**
 * An attempt asks whether it may commit its output ({@link CanCommitResponse}). Idempotent: the
 * Scheduler grants the commit to one attempt of a task and answers the same attempt the same way
 * when asked again.
 */
public record CanCommit(String attemptId) implements Idempotent {
    public CanCommit {
        requireNonNull(attemptId, "attemptId is null");
    }
}
