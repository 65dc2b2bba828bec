package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.input.InputFormat;
import java.io.IOException;
import java.util.List;

/**
 * Picks a sample of a job's input keys, serialized with the map output key's serde, for
 * {@link InputSampler} to choose split points from. Sampling reads input keys, so it fits jobs
 * whose map output keys are their input keys (a sort).
 */
public interface Sampler {

    List<byte[]> sample(InputFormat<?, ?> inputFormat, JobContext job) throws IOException;
}
