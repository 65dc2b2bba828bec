package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a map attempt's spills into its output, {@code file.out} and {@code file.out.index}: a
 * single spill is renamed; several are merged partition by partition, at most
 * {@code mapreduce.task.io.sort.factor} at once, through the combiner again when there were at
 * least three spills (as Hadoop does).
 */
final class MapOutputMerger {
    private static final Logger LOG = LoggerFactory.getLogger(MapOutputMerger.class);
    static final String DATA_FILE = "file.out";
    static final String INDEX_FILE = "file.out.index";
    private static final int MIN_SPILLS_FOR_COMBINE = 3;

    private final TaskAttemptContext attempt;
    private final InputSplit split;
    private final Path workDir;
    private final CompressionCodec codec;

    MapOutputMerger(TaskAttemptContext attempt, InputSplit split, Path workDir, CompressionCodec codec) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.split = split;
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    MapOutput merge(List<SpillFile> spills) throws IOException, InterruptedException {
        Path dataFile = workDir.resolve(DATA_FILE);
        Path indexFile = workDir.resolve(INDEX_FILE);
        int partitions = attempt.numReduceTasks();
        Counter spilled = attempt.counters().counter(TaskCounter.SPILLED_RECORDS);
        long start = System.nanoTime();
        MapOutputIndex index;
        if (spills.size() == 1) {
            Files.move(spills.get(0).file(), dataFile, StandardCopyOption.REPLACE_EXISTING);
            index = spills.get(0).index();
        } else {
            CombinerRunner combiner = attempt.combinerClass() != null && spills.size() >= MIN_SPILLS_FOR_COMBINE
                    ? new CombinerRunner(attempt, attempt.counters(), split, attempt.combinerClass()) : null;
            Merger merger = new Merger(attempt.sortComparator(),
                    attempt.configuration().getInt(MapReduceConfigKeys.SORT_FACTOR), workDir, "map", codec, spilled);
            try (SegmentWriter writer = new SegmentWriter(dataFile, codec)) {
                for (int p = 0; p < partitions; p++) {
                    List<MergeSource> sources = new ArrayList<>(spills.size());
                    for (SpillFile spill : spills) {
                        sources.add(MergeSource.file(spill.file(), spill.index().entry(p), codec, false));
                    }
                    RawRecordIterator merged = merger.merge(sources);
                    if (combiner != null) {
                        combiner.combine(merged, writer);
                    } else {
                        try (merged) {
                            while (merged.next()) {
                                writer.append(merged.keyBytes(), merged.keyOffset(), merged.keyLength(),
                                        merged.valueBytes(), merged.valueOffset(), merged.valueLength());
                            }
                        }
                    }
                    writer.finishSegment();
                }
                if (!spills.isEmpty()) {
                    spilled.increment(writer.records());
                }
                index = new MapOutputIndex(codec.name(), writer.entries());
            }
            for (SpillFile spill : spills) {
                Files.deleteIfExists(spill.file());
            }
        }
        index.write(indexFile);
        long stored = Files.size(dataFile);
        attempt.counters().counter(TaskCounter.MAP_OUTPUT_MATERIALIZED_BYTES).increment(stored);
        LOG.info("{}: map output of {} bytes in {} partitions from {} spills, merged in {} ms", attempt.taskAttemptId(),
                stored, partitions, spills.size(), (System.nanoTime() - start) / 1_000_000);
        return new MapOutput(dataFile, indexFile);
    }
}
