package io.quarry.scheduler.core;

import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Final statuses of finished jobs, the most recent {@code retained} of them; the oldest are forgotten first. */
public final class JobHistory {
    private final int retained;
    private final Map<JobId, JobStatus> finished = new LinkedHashMap<>();

    public JobHistory(int retained) {
        if (retained < 0) {
            throw new IllegalArgumentException("job history retention must not be negative: " + retained);
        }
        this.retained = retained;
    }

    public void add(JobStatus status) {
        if (!status.state().isFinished()) {
            throw new IllegalArgumentException("only finished jobs go to the history, not " + status.id() + " in " + status.state());
        }
        finished.remove(status.id());
        finished.put(status.id(), status);
        Iterator<JobId> oldest = finished.keySet().iterator();
        while (finished.size() > retained) {
            oldest.next();
            oldest.remove();
        }
    }

    public Optional<JobStatus> get(JobId id) {
        return Optional.ofNullable(finished.get(id));
    }

    /** Oldest first. */
    public List<JobStatus> all() {
        return new ArrayList<>(finished.values());
    }
}
