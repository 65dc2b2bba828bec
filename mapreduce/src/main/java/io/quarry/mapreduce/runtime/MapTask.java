package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.output.OutputFormat;
import io.quarry.mapreduce.output.RecordWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One map attempt: reads its split through the job's input format, runs the mapper, and either
 * sorts and spills the output into a partitioned, indexed map output under {@code workDir}
 * (jobs with reducers) or writes it through the job's output format (map-only jobs). The caller
 * sets up and commits the output committer.
 */
public final class MapTask {
    private static final Logger LOG = LoggerFactory.getLogger(MapTask.class);
    private static final int PROGRESS_INTERVAL = 4096;

    private final TaskAttemptContext attempt;
    private final InputSplit split;
    private final Path workDir;

    public MapTask(TaskAttemptContext attempt, InputSplit split, Path workDir) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.split = Objects.requireNonNull(split, "split");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /**
     * Runs the attempt. With reducers: writes the partitioned, indexed map output under workDir and
     * returns it. Map-only (0 reducers): writes records through the job's
     * {@code OutputFormat.recordWriter(attempt)} and returns {@link MapOutput#NONE}.
     *
     * @throws TaskFailedException when user code, the reader or the writer fails; the message names
     *     the attempt and the input position
     */
    public MapOutput run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        RecordReader<Object, Object> reader = null;
        String phase = "opening the input";
        try {
            @SuppressWarnings("unchecked")
            InputFormat<Object, Object> inputFormat = attempt.newInstance(attempt.inputFormatClass());
            @SuppressWarnings("unchecked")
            Mapper<Object, Object, Object, Object> mapper = attempt.newInstance(attempt.mapperClass());
            reader = inputFormat.createRecordReader(split, attempt);
            MapOutput output;
            if (attempt.numReduceTasks() == 0) {
                @SuppressWarnings("unchecked")
                OutputFormat<Object, Object> outputFormat = attempt.newInstance(attempt.outputFormatClass());
                try (RecordWriter<Object, Object> writer = outputFormat.recordWriter(attempt)) {
                    Counter written = attempt.counters().counter(TaskCounter.MAP_OUTPUT_RECORDS);
                    phase = "mapping";
                    runMapper(mapper, reader, (key, value) -> {
                        writer.write(key, value);
                        written.increment();
                    });
                    phase = "closing the output";
                }
                output = MapOutput.NONE;
            } else {
                Files.createDirectories(workDir);
                try (MapOutputCollector<Object, Object> collector = new MapOutputCollector<>(attempt, split, workDir)) {
                    PreCombiner preCombiner = PreCombiner.forTask(attempt, split, collector);
                    phase = "mapping";
                    runMapper(mapper, reader, preCombiner != null ? preCombiner : collector);
                    if (preCombiner != null) {
                        phase = "combining map output";
                        preCombiner.finish();
                    }
                    phase = "sorting and merging map output";
                    output = collector.finish();
                }
            }
            attempt.setProgress(1f);
            LOG.info("{}: map done in {} ms, {} input records, {} output records", attempt.taskAttemptId(),
                    (System.nanoTime() - start) / 1_000_000,
                    attempt.counters().value(TaskCounter.MAP_INPUT_RECORDS),
                    attempt.counters().value(TaskCounter.MAP_OUTPUT_RECORDS));
            return output;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw failure(phase, reader, e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    LOG.debug("{}: closing the record reader failed", attempt.taskAttemptId(), e);
                }
            }
        }
    }

    private void runMapper(Mapper<Object, Object, Object, Object> mapper, RecordReader<Object, Object> reader,
            RecordSink<Object, Object> sink) throws IOException, InterruptedException {
        TaskContextImpl<Object, Object> context = new TaskContextImpl<>(attempt, attempt.counters(), split, sink);
        Counter inputRecords = attempt.counters().counter(TaskCounter.MAP_INPUT_RECORDS);
        mapper.setup(context);
        int sinceProgress = 0;
        while (reader.nextKeyValue()) {
            inputRecords.increment();
            mapper.map(reader.currentKey(), reader.currentValue(), context);
            if (++sinceProgress == PROGRESS_INTERVAL) {
                sinceProgress = 0;
                attempt.setProgress(reader.progress());
            }
        }
        mapper.cleanup(context);
    }

    private TaskFailedException failure(String phase, RecordReader<?, ?> reader, Exception cause) {
        if (cause instanceof TaskFailedException already) {
            return already;
        }
        StringBuilder message = new StringBuilder().append(attempt.taskAttemptId()).append(" failed while ").append(phase);
        String position = positionOf(reader);
        if (!position.isEmpty()) {
            message.append(" at ").append(position);
        }
        message.append(": ").append(cause);
        return new TaskFailedException(message.toString(), cause);
    }

    private static String positionOf(RecordReader<?, ?> reader) {
        if (reader == null) {
            return "";
        }
        try {
            String position = reader.position();
            return position == null ? "" : position;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
