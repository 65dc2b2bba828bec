package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/** A job ended ({@code state} is its {@link io.quarry.mapreduce.JobState} name): the worker may drop its map outputs and local files. */
public record CleanupJobInstruction(String jobId, String state) implements WorkerInstruction {
    public CleanupJobInstruction {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(state, "state is null");
    }
}
