package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Sorts a full {@link SortBuffer} page and writes it as a spill file with one segment per
 * partition, through the combiner when the job has one. Runs on the spill thread, so it owns its
 * comparator and combiner.
 */
final class Spiller {
    private final int partitions;
    private final RawComparator comparator;
    private final CompressionCodec codec;
    private final Path workDir;
    private final CombinerRunner combiner;
    private final Counter spilledRecords;

    Spiller(int partitions, RawComparator comparator, CompressionCodec codec, Path workDir, CombinerRunner combiner,
            Counter spilledRecords) {
        this.partitions = partitions;
        this.comparator = Objects.requireNonNull(comparator, "comparator");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.combiner = combiner;
        this.spilledRecords = Objects.requireNonNull(spilledRecords, "spilledRecords");
    }

    SpillFile spill(SortBuffer buffer, int number) throws IOException, InterruptedException {
        buffer.sort(comparator);
        Path file = workDir.resolve("spill" + number + ".out");
        byte[] bytes = buffer.bytes();
        int count = buffer.count();
        try (SegmentWriter writer = new SegmentWriter(file, codec)) {
            int i = 0;
            for (int p = 0; p < partitions; p++) {
                int start = i;
                while (i < count && buffer.partitionOf(i) == p) {
                    i++;
                }
                if (combiner != null && i > start) {
                    combiner.combine(buffer.iterator(start, i), writer);
                } else {
                    for (int j = start; j < i; j++) {
                        int keyStart = buffer.keyStart(j);
                        int keyLength = buffer.keyLength(j);
                        writer.append(bytes, keyStart, keyLength, bytes, keyStart + keyLength, buffer.valueLength(j));
                    }
                }
                writer.finishSegment();
            }
            spilledRecords.increment(writer.records());
            return new SpillFile(file, new MapOutputIndex(codec.name(), writer.entries()));
        }
    }
}
