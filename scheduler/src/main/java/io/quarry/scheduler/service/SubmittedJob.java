package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.JobId;
import java.util.Map;

/** What workers need from a running job to launch its attempts: its configuration, jar and number of maps. */
record SubmittedJob(JobId id, Map<String, String> conf, String jarPath, int numMaps) {
    SubmittedJob {
        requireNonNull(id, "id is null");
        conf = Map.copyOf(conf);
        jarPath = jarPath == null ? "" : jarPath;
    }
}
