package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/** The id the submitted job runs under. */
public record SubmitJobResponse(String jobId) {
    public SubmitJobResponse {
        requireNonNull(jobId, "jobId is null");
    }
}
