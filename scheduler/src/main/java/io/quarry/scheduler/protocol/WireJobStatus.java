package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** The wire form of {@link io.quarry.mapreduce.JobStatus}; {@code state} is a {@link io.quarry.mapreduce.JobState} name. */
public record WireJobStatus(String jobId, String name, String user, String state, float mapProgress, float reduceProgress,
                            WireTaskCounts maps, WireTaskCounts reduces, Map<String, Map<String, Long>> counters,
                            String failure, long startTimeMillis, long finishTimeMillis) {
    public WireJobStatus {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(state, "state is null");
        name = name == null ? "" : name;
        user = user == null ? "" : user;
        maps = maps == null ? new WireTaskCounts(0, 0, 0, 0, 0) : maps;
        reduces = reduces == null ? new WireTaskCounts(0, 0, 0, 0, 0) : reduces;
        counters = counters == null ? Map.of() : WireForms.copyCounters(counters);
        failure = failure == null ? "" : failure;
    }
}
