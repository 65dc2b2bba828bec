package io.quarry.mapreduce.partition;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/** What the samplers share: opening a split as map task {@code index} would, and copying keys out as bytes. */
final class SplitReading {
    private final JobContext job;
    private final InputFormat<?, ?> format;
    private final Serde<Object> serde;
    private final OutputBuffer buffer = new OutputBuffer();

    @SuppressWarnings("unchecked")
    SplitReading(InputFormat<?, ?> format, JobContext job) {
        this.format = Objects.requireNonNull(format, "format is null");
        this.job = Objects.requireNonNull(job, "job is null");
        this.serde = (Serde<Object>) Serdes.forClass(job.mapOutputKeyClass());
    }

    RecordReader<?, ?> open(InputSplit split, int index) throws IOException {
        TaskAttemptId attempt = new TaskAttemptId(new TaskId(job.jobId(), TaskType.MAP, index), 0);
        return format.createRecordReader(split, new TaskAttemptContext(job, attempt));
    }

    /** The current key of {@code reader}, serialized into a new array. */
    byte[] keyBytes(RecordReader<?, ?> reader) {
        Object key = reader.currentKey();
        if (!serde.type().isInstance(key)) {
            throw new IllegalArgumentException("input key " + key + " at " + reader.position() + " is a "
                    + (key == null ? "null" : key.getClass().getName()) + ", not the map output key class "
                    + serde.type().getName() + ": sampling takes split points from input keys");
        }
        buffer.reset();
        serde.write(key, buffer);
        return Arrays.copyOf(buffer.bytes(), buffer.length());
    }
}
