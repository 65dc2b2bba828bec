package io.quarry.scheduler.worker;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.runtime.MapOutputFetcher;

import static java.util.Objects.requireNonNull;

/**
 * What a Worker needs to run one attempt: the job's configuration, its jar ({@code file:} or
 * {@code qfs://}; null when the job's classes are on the Worker's class path) and, for a map, its
 * split (a {@link io.quarry.scheduler.protocol.SerializedSplit} is decoded with the job's class
 * loader as the attempt starts), for a reduce, the number of maps and where to fetch their outputs from. The runner closes
 * the fetcher when the attempt ends.
 */
public record AttemptLaunch(TaskAttemptId attempt, Configuration conf, String jobJar, InputSplit split, int numMaps,
        MapOutputFetcher fetcher) {
    public AttemptLaunch {
        requireNonNull(attempt, "attempt is null");
        requireNonNull(conf, "conf is null");
        if (jobJar != null && jobJar.isBlank()) {
            jobJar = null;
        }
        if (attempt.type() == TaskType.MAP) {
            requireNonNull(split, "split of map attempt " + attempt + " is null");
        } else {
            requireNonNull(fetcher, "map output fetcher of reduce attempt " + attempt + " is null");
            if (numMaps < 0) {
                throw new IllegalArgumentException("reduce attempt " + attempt + " has a negative number of maps: " + numMaps);
            }
        }
    }

    public static AttemptLaunch map(TaskAttemptId attempt, Configuration conf, String jobJar, InputSplit split) {
        return new AttemptLaunch(attempt, conf, jobJar, split, 0, null);
    }

    public static AttemptLaunch reduce(TaskAttemptId attempt, Configuration conf, String jobJar, int numMaps,
            MapOutputFetcher fetcher) {
        return new AttemptLaunch(attempt, conf, jobJar, null, numMaps, fetcher);
    }

    public boolean isMap() {
        return attempt.type() == TaskType.MAP;
    }
}
