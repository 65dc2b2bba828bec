package io.quarry.mapreduce;

import io.quarry.common.conf.Configuration;
import java.io.IOException;

/**
 * Runs submitted jobs somewhere: in this process ({@code local}) or on a cluster. Implementations
 * are found with {@link java.util.ServiceLoader} by {@link #framework()}, matched against
 * {@code mapreduce.framework.name}.
 */
public interface JobRunner {

    String framework();

    /** Validates and starts the job described by {@code jobConf}; returns at once. */
    RunningJob submit(Configuration jobConf) throws IOException;
}
