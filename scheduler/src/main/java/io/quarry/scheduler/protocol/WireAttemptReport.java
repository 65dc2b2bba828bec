package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One attempt in a heartbeat: {@code state} is an {@link io.quarry.scheduler.core.AttemptState} name,
 * {@code counters} maps group to counter to value.
 */
public record WireAttemptReport(String attemptId, String state, float progress, Map<String, Map<String, Long>> counters,
                                String error) {
    public WireAttemptReport {
        requireNonNull(attemptId, "attemptId is null");
        requireNonNull(state, "state is null");
        counters = counters == null ? Map.of() : WireForms.copyCounters(counters);
        error = error == null ? "" : error;
    }
}
