package io.quarry.scheduler.protocol;

import java.util.List;

/** Finished jobs still in the history (oldest first), then running ones in submission order. */
public record JobList(List<WireJobStatus> jobs) {
    public JobList {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }
}
