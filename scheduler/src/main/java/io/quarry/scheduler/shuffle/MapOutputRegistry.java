package io.quarry.scheduler.shuffle;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.runtime.MapOutput;

import static java.util.Objects.requireNonNull;

/**
 * The map outputs a Worker holds and serves, by attempt. The Worker registers each finished map
 * attempt's output and removes a job's outputs when the job is done. Thread-safe.
 */
public final class MapOutputRegistry {
    private final Map<TaskAttemptId, MapOutput> outputs = new ConcurrentHashMap<>();

    /** Makes the attempt's output fetchable; a later registration of the same attempt replaces it. */
    public void register(TaskAttemptId attempt, MapOutput output) {
        requireNonNull(attempt, "attempt is null");
        requireNonNull(output, "output is null");
        if (attempt.type() != TaskType.MAP) {
            throw new IllegalArgumentException("only map attempts have output to serve, not " + attempt);
        }
        if (output.isNone()) {
            throw new IllegalArgumentException(attempt + " is map-only: it has no output to serve");
        }
        outputs.put(attempt, output);
    }

    /** The attempt's output, or null when this Worker holds none. */
    public MapOutput get(TaskAttemptId attempt) {
        return outputs.get(requireNonNull(attempt, "attempt is null"));
    }

    /** Stops serving one attempt's output (for example a map that must re-run); returns it, or null. */
    public MapOutput remove(TaskAttemptId attempt) {
        return outputs.remove(requireNonNull(attempt, "attempt is null"));
    }

    /** Stops serving every output of the job and returns them, so the caller can delete their files. */
    public List<MapOutput> removeJob(JobId job) {
        requireNonNull(job, "job is null");
        List<MapOutput> removed = new ArrayList<>();
        for (Iterator<Map.Entry<TaskAttemptId, MapOutput>> it = outputs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TaskAttemptId, MapOutput> entry = it.next();
            if (entry.getKey().jobId().equals(job)) {
                removed.add(entry.getValue());
                it.remove();
            }
        }
        return removed;
    }

    /** The attempts whose output is served now. */
    public List<TaskAttemptId> attempts() {
        return new ArrayList<>(outputs.keySet());
    }

    public int size() {
        return outputs.size();
    }
}
