package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import io.quarry.common.rpc.Idempotent;

/** Kills a job (answered with an Ack). Idempotent: killing a job that already ended changes nothing. */
public record KillJob(String jobId, String reason) implements Idempotent {
    public KillJob {
        requireNonNull(jobId, "jobId is null");
        reason = reason == null ? "" : reason;
    }
}
