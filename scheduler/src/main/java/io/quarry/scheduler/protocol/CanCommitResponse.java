package io.quarry.scheduler.protocol;

/** Whether the asking attempt may commit. */
public record CanCommitResponse(boolean allowed) {
}
