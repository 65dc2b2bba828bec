package io.quarry.scheduler.core;

import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.input.InputSplit;
import java.util.List;
import java.util.Objects;

/** A submitted job: one map task per split (its locations are the preferred hosts) and {@code reduces} reduce tasks. */
public record JobSpec(JobId id, String user, String name, List<InputSplit> splits, int reduces) {
    public JobSpec {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(user, "user is null");
        name = name == null ? "" : name;
        splits = List.copyOf(splits);
        if (reduces < 0) {
            throw new IllegalArgumentException("job " + id + " has a negative number of reduces: " + reduces);
        }
    }
}
