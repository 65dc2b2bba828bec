package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import io.quarry.mapreduce.output.OutputFormat;
import io.quarry.mapreduce.output.RecordWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reduce attempt: fetches partition {@code taskId().index()} of every map's output, merges it
 * with bounded memory, groups it with the job's grouping comparator, runs the reducer and writes
 * through the job's output format. The caller sets up and commits the output committer.
 */
public final class ReduceTask {
    private static final Logger LOG = LoggerFactory.getLogger(ReduceTask.class);

    private final TaskAttemptContext attempt;
    private final int numMaps;
    private final MapOutputFetcher fetcher;
    private final Path workDir;

    public ReduceTask(TaskAttemptContext attempt, int numMaps, MapOutputFetcher fetcher, Path workDir) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        if (numMaps < 0) {
            throw new IllegalArgumentException("negative number of maps " + numMaps);
        }
        this.numMaps = numMaps;
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /**
     * Fetches partition attempt.taskAttemptId().taskId().index() of every map, merges, groups,
     * runs the Reducer and writes through the OutputFormat.
     *
     * @throws TaskFailedException when fetching, merging, user code or the writer fails
     */
    public void run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        String phase = "shuffling";
        try {
            Files.createDirectories(workDir);
            Merger merger = new Merger(attempt.sortComparator(),
                    attempt.configuration().getInt(MapReduceConfigKeys.SORT_FACTOR), workDir, "reduce",
                    MapOutputCodec.of(attempt), attempt.counters().counter(TaskCounter.SPILLED_RECORDS));
            Shuffle shuffle = new Shuffle(attempt, numMaps, fetcher, workDir, merger);
            try (RawRecordIterator merged = shuffle.run()) {
                phase = "reducing";
                reduce(new ProgressReportingIterator(merged, attempt, 1f / 3, shuffle.rawBytes()));
            }
            attempt.setProgress(1f);
            LOG.info("{}: reduce done in {} ms, {} groups, {} input records, {} output records", attempt.taskAttemptId(),
                    (System.nanoTime() - start) / 1_000_000, attempt.counters().value(TaskCounter.REDUCE_INPUT_GROUPS),
                    attempt.counters().value(TaskCounter.REDUCE_INPUT_RECORDS),
                    attempt.counters().value(TaskCounter.REDUCE_OUTPUT_RECORDS));
        } catch (InterruptedException e) {
            throw e;
        } catch (TaskFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new TaskFailedException(attempt.taskAttemptId() + " failed while " + phase + ": " + e, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void reduce(RawRecordIterator merged) throws IOException, InterruptedException {
        Reducer reducer = attempt.newInstance(attempt.reducerClass());
        OutputFormat<Object, Object> outputFormat = attempt.newInstance(attempt.outputFormatClass());
        Serde<Object> keySerde = (Serde<Object>) Serdes.forClass(attempt.mapOutputKeyClass());
        Serde<Object> valueSerde = (Serde<Object>) Serdes.forClass(attempt.mapOutputValueClass());
        Counter outputRecords = attempt.counters().counter(TaskCounter.REDUCE_OUTPUT_RECORDS);
        try (RecordWriter<Object, Object> writer = outputFormat.recordWriter(attempt)) {
            TaskContextImpl<Object, Object> context = new TaskContextImpl<>(attempt, attempt.counters(), null, (key, value) -> {
                writer.write(key, value);
                outputRecords.increment();
            });
            new GroupingReduceRunner<>(merged, attempt.groupingComparator(), keySerde, valueSerde,
                    attempt.counters().counter(TaskCounter.REDUCE_INPUT_GROUPS),
                    attempt.counters().counter(TaskCounter.REDUCE_INPUT_RECORDS)).run(reducer, context);
        }
    }
}
