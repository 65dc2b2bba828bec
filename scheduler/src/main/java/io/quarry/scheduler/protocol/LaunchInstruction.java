package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Start an attempt: the job's configuration and staged jar ({@code ""} when the classes are on the
 * worker's class path), the split for a map ({@code null} for a reduce), the number of maps for a
 * reduce. {@code locality} is a {@link io.quarry.scheduler.core.Locality} name, {@code ""} for a reduce.
 */
public record LaunchInstruction(String attemptId, Map<String, String> jobConf, String jarPath, SerializedSplit split,
                                int numMaps, String locality, boolean speculative) implements WorkerInstruction {
    public LaunchInstruction {
        requireNonNull(attemptId, "attemptId is null");
        jobConf = jobConf == null ? Map.of() : Map.copyOf(jobConf);
        jarPath = jarPath == null ? "" : jarPath;
        locality = locality == null ? "" : locality;
    }
}
