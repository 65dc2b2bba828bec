package io.quarry.sql.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.recordfile.RecordFileInputFormat;
import io.quarry.sql.exec.TableInputFormat;
import io.quarry.sql.runtime.plan.Source;

/** Splits and record readers for each kind of {@link Source}: rows as {@code Object[]}. */
public final class InputReaders {
    private InputReaders() {
    }

    /** The configuration that reads {@code source}: the job's plus the source's input keys. */
    static Configuration configurationFor(Source source, Configuration base) {
        if (source instanceof Source.Table table) {
            return base.withAll(table.scanSettings());
        }
        if (source instanceof Source.StageOutput output) {
            return base.withAll(Map.of(MapReduceConfigKeys.INPUT_DIRS.name(), output.directory(),
                    MapReduceConfigKeys.INPUT_RECURSIVE.name(), "false"));
        }
        return base;
    }

    public static List<InputSplit> splits(Source source, JobContext job) throws IOException {
        JobContext context = new JobContext(job.jobId(), configurationFor(source, job.configuration()), job.classLoader());
        if (source instanceof Source.Table) {
            return new TableInputFormat().splits(context);
        }
        if (source instanceof Source.StageOutput) {
            return new RecordFileInputFormat<Object, Object>().splits(context);
        }
        List<InputSplit> one = new ArrayList<>();
        one.add(null);
        return one;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RecordReader<Object, Object[]> reader(Source source, InputSplit split, TaskAttemptContext attempt)
            throws IOException {
        TaskAttemptContext context = new TaskAttemptContext(attempt.taskAttemptId(),
                configurationFor(source, attempt.configuration()), attempt.classLoader());
        if (source instanceof Source.Table) {
            return (RecordReader) new TableInputFormat().createRecordReader(split, context);
        }
        if (source instanceof Source.StageOutput) {
            RecordReader<Object, BytesValue> records = new RecordFileInputFormat<Object, BytesValue>().createRecordReader(split, context);
            return new DecodingReader(records);
        }
        return new ConstantReader(((Source.Rows) source).rows());
    }

    /** Reads every row of {@code source} (all its splits, in file order) into {@code sink}, outside a map task. */
    public static void readAll(Source source, Configuration conf, ClassLoader loader, RowConsumer sink)
            throws IOException, InterruptedException {
        JobId jobId = new JobId("sql-read", 0);
        JobContext job = new JobContext(jobId, conf, loader);
        List<InputSplit> splits = new ArrayList<>(splits(source, job));
        splits.sort(Comparator.comparing((InputSplit s) -> s instanceof FileSplit f ? f.path().toString() : "")
                .thenComparingLong(s -> s instanceof FileSplit f ? f.start() : 0));
        TaskAttemptContext attempt = new TaskAttemptContext(new TaskAttemptId(new TaskId(jobId, TaskType.MAP, 0), 0), conf, loader);
        for (InputSplit split : splits) {
            try (RecordReader<Object, Object[]> reader = reader(source, split, attempt)) {
                while (reader.nextKeyValue()) {
                    sink.accept(reader.currentValue());
                }
            }
        }
    }

    /** Receives rows; the array may be reused after the call. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(Object[] row) throws IOException, InterruptedException;
    }

    private static final class DecodingReader implements RecordReader<Object, Object[]> {
        private final RecordReader<Object, BytesValue> records;
        private Object[] row;

        DecodingReader(RecordReader<Object, BytesValue> records) {
            this.records = records;
        }

        @Override
        public boolean nextKeyValue() throws IOException {
            if (!records.nextKeyValue()) {
                return false;
            }
            row = RowCodec.decode(records.currentValue());
            return true;
        }

        @Override
        public Object currentKey() {
            return records.currentKey();
        }

        @Override
        public Object[] currentValue() {
            return row;
        }

        @Override
        public float progress() {
            return records.progress();
        }

        @Override
        public String position() {
            return records.position();
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }

    private static final class ConstantReader implements RecordReader<Object, Object[]> {
        private final List<Object[]> rows;
        private int next;

        ConstantReader(List<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public boolean nextKeyValue() {
            return next++ < rows.size();
        }

        @Override
        public Object currentKey() {
            return (long) next - 1;
        }

        @Override
        public Object[] currentValue() {
            return rows.get(next - 1).clone();
        }

        @Override
        public float progress() {
            return rows.isEmpty() ? 1f : Math.min(1f, next / (float) rows.size());
        }

        @Override
        public String position() {
            return "constant row " + next;
        }

        @Override
        public void close() {
        }
    }
}
