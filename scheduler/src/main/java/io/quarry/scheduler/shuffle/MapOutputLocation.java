package io.quarry.scheduler.shuffle;

import io.quarry.common.net.HostAndPort;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;

import static java.util.Objects.requireNonNull;

/** Where a finished map's output can be fetched: the shuffle server of the Worker that ran the successful attempt. */
public record MapOutputLocation(HostAndPort server, TaskAttemptId mapAttempt) {
    public MapOutputLocation {
        requireNonNull(server, "server is null");
        requireNonNull(mapAttempt, "mapAttempt is null");
        if (mapAttempt.type() != TaskType.MAP) {
            throw new IllegalArgumentException("a map output location needs a map attempt, not " + mapAttempt);
        }
    }
}
