package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the first keys of up to {@code maxSplitsSampled} splits spread evenly over the input,
 * {@code numSamples} in all. Cheap, and good when records are in no particular order within a
 * split (TeraSort's generated rows).
 */
public final class SplitSampler implements Sampler {
    private final int numSamples;
    private final int maxSplitsSampled;

    public SplitSampler(int numSamples, int maxSplitsSampled) {
        if (numSamples < 1 || maxSplitsSampled < 1) {
            throw new IllegalArgumentException("need at least one sample from one split, got " + numSamples
                    + " samples from " + maxSplitsSampled + " splits");
        }
        this.numSamples = numSamples;
        this.maxSplitsSampled = maxSplitsSampled;
    }

    @Override
    public List<byte[]> sample(InputFormat<?, ?> inputFormat, JobContext job) throws IOException {
        List<InputSplit> splits = inputFormat.splits(job);
        int sampled = Math.min(maxSplitsSampled, splits.size());
        SplitReading reading = new SplitReading(inputFormat, job);
        List<byte[]> samples = new ArrayList<>(Math.min(numSamples, 1 << 16));
        for (int n = 0; n < sampled && samples.size() < numSamples; n++) {
            int index = (int) ((long) n * splits.size() / sampled);
            // Spread what is still wanted over the splits still to read.
            int wanted = (numSamples - samples.size() + (sampled - n) - 1) / (sampled - n);
            try (RecordReader<?, ?> reader = reading.open(splits.get(index), index)) {
                for (int taken = 0; taken < wanted && reader.nextKeyValue(); taken++) {
                    samples.add(reading.keyBytes(reader));
                }
            }
        }
        return samples;
    }
}
