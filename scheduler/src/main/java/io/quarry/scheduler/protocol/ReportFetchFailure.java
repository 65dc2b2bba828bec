package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/**
 * A reduce attempt could not fetch a map attempt's output (answered with an Ack). Not marked
 * idempotent: each report counts toward re-running the map, so a blind retry must not be automatic.
 */
public record ReportFetchFailure(String reduceAttemptId, String mapAttemptId, String error) {
    public ReportFetchFailure {
        requireNonNull(reduceAttemptId, "reduceAttemptId is null");
        requireNonNull(mapAttemptId, "mapAttemptId is null");
        error = error == null ? "" : error;
    }
}
