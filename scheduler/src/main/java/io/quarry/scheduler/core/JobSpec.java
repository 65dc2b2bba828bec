package io.quarry.scheduler.core;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.input.InputSplit;
import java.util.List;
import java.util.Objects;

/**
 * A submitted job: one map task per split (its locations are the preferred hosts), {@code reduces}
 * reduce tasks, and the job's configuration, from which the Scheduler takes per-job settings such
 * as {@code mapreduce.map.maxattempts} (see {@link SchedulerConfig#forJob}).
 */
public record JobSpec(JobId id, String user, String name, List<InputSplit> splits, int reduces, Configuration conf) {
    public JobSpec {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(user, "user is null");
        name = name == null ? "" : name;
        splits = List.copyOf(splits);
        conf = conf == null ? Configuration.empty() : conf;
        if (reduces < 0) {
            throw new IllegalArgumentException("job " + id + " has a negative number of reduces: " + reduces);
        }
    }

    public JobSpec(JobId id, String user, String name, List<InputSplit> splits, int reduces) {
        this(id, user, name, splits, reduces, Configuration.empty());
    }
}
