package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import io.quarry.common.rpc.Idempotent;

/**
 * A reduce attempt asks where the finished maps of its job have their output, answered with
 * {@link MapOutputs}. Idempotent: it only reads.
 */
public record GetMapOutputs(String jobId) implements Idempotent {
    public GetMapOutputs {
        requireNonNull(jobId, "jobId is null");
    }
}
