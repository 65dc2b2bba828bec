package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where each finished map of a job has its output. {@code jobState} is a
 * {@link io.quarry.mapreduce.JobState} name: once the job is no longer running the list is empty
 * and {@code failure} says why it ended, so a reducer stops waiting.
 */
public record MapOutputs(String jobState, String failure, List<WireMapOutput> outputs) {
    public MapOutputs {
        requireNonNull(jobState, "jobState is null");
        failure = failure == null ? "" : failure;
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
