package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import io.quarry.common.rpc.Idempotent;

/** Asks for one job's {@link WireJobStatus}. Idempotent: a pure query. */
public record GetJobStatus(String jobId) implements Idempotent {
    public GetJobStatus {
        requireNonNull(jobId, "jobId is null");
    }
}
