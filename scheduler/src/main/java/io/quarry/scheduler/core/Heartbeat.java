package io.quarry.scheduler.core;

import java.util.List;
import java.util.Objects;

/**
 * A worker's periodic report: the attempts it runs or has just finished. Free slots are not
 * reported; the Scheduler counts them from the attempts it launched there.
 */
public record Heartbeat(String workerId, List<AttemptReport> reports) {
    public Heartbeat {
        Objects.requireNonNull(workerId, "workerId is null");
        reports = List.copyOf(reports);
    }
}
