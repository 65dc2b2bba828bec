package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Reads up to {@code maxSplitsSampled} randomly chosen splits and keeps each key with probability
 * {@code frequency}, up to {@code numSamples} keys. Once full, a kept key replaces a random
 * earlier one and the keep probability shrinks, so later records are not over-represented.
 * Seeded: the same seed and input give the same sample.
 */
public final class RandomSampler implements Sampler {
    private final double frequency;
    private final int numSamples;
    private final int maxSplitsSampled;
    private final long seed;

    public RandomSampler(double frequency, int numSamples, int maxSplitsSampled, long seed) {
        if (!(frequency > 0 && frequency <= 1)) {
            throw new IllegalArgumentException("sampling frequency " + frequency + " is not in (0, 1]");
        }
        if (numSamples < 1 || maxSplitsSampled < 1) {
            throw new IllegalArgumentException("need at least one sample from one split, got " + numSamples
                    + " samples from " + maxSplitsSampled + " splits");
        }
        this.frequency = frequency;
        this.numSamples = numSamples;
        this.maxSplitsSampled = maxSplitsSampled;
        this.seed = seed;
    }

    @Override
    public List<byte[]> sample(InputFormat<?, ?> inputFormat, JobContext job) throws IOException {
        Random random = new Random(seed);
        List<InputSplit> splits = inputFormat.splits(job);
        List<Integer> order = new ArrayList<>(splits.size());
        for (int i = 0; i < splits.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        SplitReading reading = new SplitReading(inputFormat, job);
        List<byte[]> samples = new ArrayList<>(Math.min(numSamples, 1 << 16));
        double keep = frequency;
        for (int n = 0; n < Math.min(maxSplitsSampled, order.size()); n++) {
            int index = order.get(n);
            try (RecordReader<?, ?> reader = reading.open(splits.get(index), index)) {
                while (reader.nextKeyValue()) {
                    if (random.nextDouble() >= keep) {
                        continue;
                    }
                    if (samples.size() < numSamples) {
                        samples.add(reading.keyBytes(reader));
                    } else {
                        samples.set(random.nextInt(numSamples), reading.keyBytes(reader));
                        keep *= (numSamples - 1) / (double) numSamples;
                    }
                }
            }
        }
        return samples;
    }
}
