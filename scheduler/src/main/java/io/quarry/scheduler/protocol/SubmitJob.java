package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Submits a job, answered with a {@link SubmitJobResponse}. {@code jobId} is {@code ""} to have the
 * Scheduler assign one. Not idempotent: a retried submission with a given id would be refused as
 * already submitted, and one without would run the job twice.
 */
public record SubmitJob(String jobId, String user, String name, Map<String, String> conf, String jarPath,
                        List<SerializedSplit> splits, int reduces) {
    public SubmitJob {
        jobId = jobId == null ? "" : jobId;
        requireNonNull(user, "user is null");
        name = name == null ? "" : name;
        conf = conf == null ? Map.of() : Map.copyOf(conf);
        jarPath = jarPath == null ? "" : jarPath;
        splits = splits == null ? List.of() : List.copyOf(splits);
    }
}
